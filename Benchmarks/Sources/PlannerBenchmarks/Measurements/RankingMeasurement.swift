import PlannerFactory

/// Ranking every planner for 5 required capabilities and a 10-word objective, then taking the
/// winner and the first 10 candidates, as a selection or `factory rank` does.
final class RankingMeasurement: Measurement {
    static let objective = "deliver fragile parcels from dock to station via narrow route"

    let factory: PlannerFactory
    let capabilities: [String]
    /// What the last sample found, for the report.
    private(set) var winner: String?
    private(set) var rankedCount = 0

    /// Ranks for 5 capabilities of one planner in the middle of the registry, so a winner exists.
    init(factory: PlannerFactory) throws(BenchmarkFailure) {
        let planners = factory.planners()
        guard !planners.isEmpty else { throw BenchmarkFailure("ranking needs discovered planners") }
        let source = planners[planners.count / 2]
        guard source.capabilities.count >= 5 else { throw BenchmarkFailure("\(source.name) has fewer than 5 capabilities") }
        self.factory = factory
        capabilities = Array(source.capabilities.prefix(5))
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let (timing, count, winner) = Self.rank(factory, capabilities: capabilities)
        self.winner = winner
        rankedCount = count
        return timing
    }

    /// Times one ranking for `capabilities` and the objective, its winner and its first 10 rows.
    /// - Returns: the timing, how many planners were ranked and the winner's name.
    static func rank(_ factory: PlannerFactory, capabilities: [String]) -> (timing: Timing, count: Int, winner: String?) {
        let stopwatch = Stopwatch()
        let ranking = factory.rank(objective: objective, capabilities: capabilities)
        let winner = ranking.winner
        let top = ranking.candidates(limit: 10)
        let timing = stopwatch.elapsed()
        blackHole(top)
        return (timing, ranking.count, winner?.name)
    }
}

/// The first ranking after a discovery, as one `factory rank` process does it: the ranking index
/// is built (terms interned, postings, name order), then ranked as `RankingMeasurement` ranks. Each
/// sample discovers a fresh factory untimed.
final class FirstRankingMeasurement: Measurement {
    let configuration: FactoryConfiguration
    let capabilities: [String]
    let expectedCount: Int

    init(configuration: FactoryConfiguration, capabilities: [String], expectedCount: Int) {
        self.configuration = configuration
        self.capabilities = capabilities
        self.expectedCount = expectedCount
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let factory = PlannerFactory(configuration: configuration)
        factory.discover()
        let (timing, count, winner) = RankingMeasurement.rank(factory, capabilities: capabilities)
        guard count == expectedCount, winner != nil else {
            throw BenchmarkFailure("the first ranking ranked \(count) planners (expected \(expectedCount)) and found no winner")
        }
        return timing
    }
}

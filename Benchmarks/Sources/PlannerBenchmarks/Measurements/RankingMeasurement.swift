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
        let stopwatch = Stopwatch()
        let ranking = factory.rank(objective: Self.objective, capabilities: capabilities)
        let winner = ranking.winner
        let top = ranking.candidates(limit: 10)
        let timing = stopwatch.elapsed()
        blackHole(top)
        self.winner = winner?.name
        rankedCount = ranking.count
        return timing
    }
}

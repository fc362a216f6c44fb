import PlannerFactory

/// Selections on a factory over the generated bundles, in batches (the harness divides): without
/// publishing, publishing with no subscriber, or publishing to a subscriber that connected and
/// never reads (its queue fills and the oldest events are dropped).
final class PublishingMeasurement: Measurement {
    enum Mode: String, Sendable { case off, noSubscriber, stuckSubscriber }

    let factory: PlannerFactory
    let capabilities: [String]
    let operationsPerSample: Int
    /// The stuck subscriber's connection, kept open and never read.
    private var subscriber: LiveConnection?

    init(folder: String, state: String, mode: Mode, batch: Int) throws(BenchmarkFailure) {
        factory = try BenchmarkConfiguration.discoveredFactory(folder: folder, stateDirectory: state, expectedBundles: BenchmarkSuite.publishSize)
        let planners = factory.planners()
        guard let source = planners.dropFirst(planners.count / 2).first, source.capabilities.count >= 3 else {
            throw BenchmarkFailure("the publishing benchmark needs planners with capabilities")
        }
        capabilities = Array(source.capabilities.prefix(3))
        operationsPerSample = batch
        guard mode != .off else { return }
        do {
            let endpoint = try factory.startPublishing()
            if mode == .stuckSubscriber { subscriber = try LiveConnection(endpoint) }
        } catch {
            throw BenchmarkFailure("cannot publish: \(error.message)")
        }
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        for _ in 0..<operationsPerSample {
            blackHole(try? factory.selectBestPlanner(objective: RankingMeasurement.objective, capabilities: capabilities))
        }
        return stopwatch.elapsed()
    }

    deinit {
        factory.stopPublishing()
    }
}

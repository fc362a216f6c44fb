@_spi(Benchmarks) import PlannerFactory

/// The live publish hook alone (`TelemetryManager.publishSelection`), a batch of calls per sample:
/// with nobody connected (one atomic load), with a connected subscriber that never reads (an
/// append to the shared ring under a short lock; the oldest event is evicted for it), and a floor
/// that only hands the same record to a function that keeps nothing.
final class PublishHookMeasurement: Measurement {
    enum Mode: String, Sendable { case floor, noSubscriber, stuckSubscriber }

    let factory: PlannerFactory
    let mode: Mode
    let operationsPerSample: Int
    private let record = SelectionRecord(
        timestamp: 1_767_225_600, objective: RankingMeasurement.objective, capabilities: ["grid-route", "drone-3d", "road-anytime"],
        candidateCount: 1_000, winner: "p00042", error: nil, duration: .nanoseconds(20_000))
    /// The stuck subscriber's connection, kept open and never read.
    private var subscriber: LiveConnection?

    init(state: String, mode: Mode, batch: Int) throws(BenchmarkFailure) {
        var configuration = FactoryConfiguration()
        configuration.stateDirectory = state
        configuration.pluginPath = []
        factory = PlannerFactory(configuration: configuration, builtins: [])
        self.mode = mode
        operationsPerSample = batch
        guard mode != .floor else { return }
        do {
            let endpoint = try factory.startPublishing()
            if mode == .stuckSubscriber {
                let connection = try LiveConnection(endpoint)
                // Its snapshot and a first event, so the publisher has taken it on before timing.
                _ = try connection.next(timeout: .seconds(10))
                subscriber = connection
            }
        } catch {
            throw BenchmarkFailure("cannot publish: \(error.message)")
        }
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let telemetry = factory.telemetry
        let record = record
        let batch = operationsPerSample
        if mode == .floor {
            return try Stopwatch.measure {
                for _ in 0..<batch { blackHole(record) }
            }
        }
        return try Stopwatch.measure {
            for _ in 0..<batch { telemetry.publishSelection(record) }
        }
    }

    deinit {
        factory.stopPublishing()
    }
}

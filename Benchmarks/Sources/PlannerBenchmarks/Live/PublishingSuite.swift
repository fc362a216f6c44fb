#if canImport(Glibc)
import Glibc
#endif

extension BenchmarkSuite {
    static let publishSize = 1_000

    /// The live group: a selection's cost without publishing, publishing with no subscriber, and
    /// publishing to a subscriber that never reads, batches interleaved.
    func publishing(generator: BundleGenerator) throws(BenchmarkFailure) -> [BenchmarkResult] {
        // The discovery group's bundles of that size when it ran; else new ones.
        var folder = "\(generator.root)/plugins-\(Self.publishSize)"
        if access(folder, F_OK) != 0 {
            progress("live: generating \(Self.publishSize) bundles")
            folder = try generator.generate(count: Self.publishSize)
        }
        let batch = 2_000
        var measurements: [PublishingMeasurement] = []
        for mode in [PublishingMeasurement.Mode.off, .noSubscriber, .stuckSubscriber] {
            let state = try SystemError.makeUniqueFolder(in: generator.root, prefix: "live-state")
            measurements.append(try PublishingMeasurement(folder: folder, state: state, mode: mode, batch: batch))
        }
        progress("live: selections, \(rounds * 3) batches of \(batch) each")
        let samples = try Sampler.run(measurements, warmUp: 2, rounds: max(rounds, 7) * 3)
        let off = samples[0].median
        let size = Self.publishSize
        return try publishHook(root: generator.root) + [
            BenchmarkResult(
                measurement: "selection, not publishing", size: size, quantity: .time(samples[0]),
                note: "selectBestPlanner over \(size) planners, batches of \(batch); median of the batch means"),
            BenchmarkResult(
                measurement: "selection, publishing, no subscriber", size: size, quantity: .time(samples[1]), floor: off,
                note: "the publish hook with nobody connected (one atomic load)"),
            BenchmarkResult(
                measurement: "selection, a subscriber that never reads", size: size, quantity: .time(samples[2]), floor: off,
                target: .ratioAtMost(1.1),
                note: "a connected subscriber that reads nothing: events go to the shared ring, the oldest are dropped for it"),
        ]
    }

    /// The publish hook alone, 10⁶ events a sample: no subscriber, a subscriber that never reads,
    /// and a floor that hands the same record to a function that keeps nothing.
    private func publishHook(root: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let events = 1_000_000
        var measurements: [PublishHookMeasurement] = []
        for mode in [PublishHookMeasurement.Mode.floor, .noSubscriber, .stuckSubscriber] {
            let state = try SystemError.makeUniqueFolder(in: root, prefix: "live-hook")
            measurements.append(try PublishHookMeasurement(state: state, mode: mode, batch: events))
        }
        progress("live: the publish hook alone, \(max(rounds, 7)) rounds of 10^6 events")
        let samples = try Sampler.run(measurements, warmUp: 1, rounds: max(rounds, 7))
        let floor = samples[0].median
        return [
            BenchmarkResult(measurement: "publish hook, floor (hand a record to a no-op)", size: events, quantity: .time(samples[0]),
                            note: "ns per event over 10^6 events"),
            BenchmarkResult(measurement: "publish hook, no subscriber", size: events, quantity: .time(samples[1]), floor: floor,
                            note: "TelemetryManager.publishSelection with nobody connected: one relaxed atomic load"),
            BenchmarkResult(measurement: "publish hook, a subscriber that never reads", size: events, quantity: .time(samples[2]), floor: floor,
                            note: "an append to the shared ring of 4096 under a short lock; the oldest event is dropped for it"),
        ]
    }
}

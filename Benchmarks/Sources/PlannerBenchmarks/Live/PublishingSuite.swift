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
        return [
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
}

import PlannerFactory

/// `rediscover()` when nothing changed: lists the folder and re-fingerprints every bundle (fast:
/// the manifest and the entry file; deep: every file), reading no manifest.
final class RediscoveryMeasurement: Measurement {
    let factory: PlannerFactory
    let expectedBundles: Int

    init(folder: String, stateDirectory: String, isDeep: Bool, expectedBundles: Int) throws(BenchmarkFailure) {
        factory = try BenchmarkConfiguration.discoveredFactory(
            folder: folder, stateDirectory: stateDirectory, isDeep: isDeep, expectedBundles: expectedBundles)
        self.expectedBundles = expectedBundles
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        let report = factory.rediscover()
        let timing = stopwatch.elapsed()
        guard report.unchangedCount == expectedBundles, report.changed.isEmpty, report.added.isEmpty else {
            throw BenchmarkFailure("rediscovery with nothing changed reported \(report.summary)")
        }
        return timing
    }
}

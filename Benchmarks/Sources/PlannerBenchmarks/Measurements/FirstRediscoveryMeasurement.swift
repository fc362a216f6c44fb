import PlannerFactory

/// The first `rediscover()` after a fresh factory's `discover()`, with nothing changed: a full
/// `stat` pass over every bundle that also sets up the change-notification watches. (Later
/// unchanged rediscoveries, "rediscovery, unchanged, fast", rely on those watches.) The factory
/// and its first discovery are untimed.
final class FirstRediscoveryMeasurement: Measurement {
    let configuration: FactoryConfiguration
    let expectedBundles: Int

    init(configuration: FactoryConfiguration, expectedBundles: Int) {
        self.configuration = configuration
        self.expectedBundles = expectedBundles
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let factory = PlannerFactory(configuration: configuration)
        factory.discover()
        let stopwatch = Stopwatch()
        let report = factory.rediscover()
        let timing = stopwatch.elapsed()
        guard report.unchangedCount == expectedBundles, !report.isFromChangeNotification else {
            throw BenchmarkFailure("the first rediscovery reported \(report.summary)")
        }
        return timing
    }
}

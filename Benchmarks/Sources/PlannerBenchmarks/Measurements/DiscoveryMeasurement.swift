import PlannerFactory

/// The first `discover()` of a fresh factory: lists the folder, reads, parses and validates every
/// manifest on all cores, and builds the registry. The factory is created and released untimed.
final class DiscoveryMeasurement: Measurement {
    let configuration: FactoryConfiguration
    let expectedBundles: Int

    init(configuration: FactoryConfiguration, expectedBundles: Int) {
        self.configuration = configuration
        self.expectedBundles = expectedBundles
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let factory = PlannerFactory(configuration: configuration)
        let stopwatch = Stopwatch()
        let report = factory.discover()
        let timing = stopwatch.elapsed()
        guard report.added.count == expectedBundles else {
            throw BenchmarkFailure("discovery found \(report.summary), expected \(expectedBundles) added")
        }
        return timing
    }
}

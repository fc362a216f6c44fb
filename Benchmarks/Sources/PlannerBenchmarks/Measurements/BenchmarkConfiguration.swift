import PlannerFactory

/// The factory configuration every measurement uses: one plugin-path folder, state kept in the
/// benchmark's temporary folder, everything else at its default.
enum BenchmarkConfiguration {
    static func make(folder: String, stateDirectory: String, isDeep: Bool = false) -> FactoryConfiguration {
        var configuration = FactoryConfiguration()
        configuration.pluginPath = [folder]
        configuration.isDeepFingerprint = isDeep
        configuration.stateDirectory = stateDirectory
        // The generated libraries are not real: discovery and ranking are measured, not probing
        // (with the sandbox on, every plugin would stay pending until probed).
        configuration.isSandboxEnabled = false
        return configuration
    }

    /// A factory that has discovered `folder` once, checked to hold `expectedBundles` valid planners.
    static func discoveredFactory(
        folder: String, stateDirectory: String, isDeep: Bool = false, expectedBundles: Int
    ) throws(BenchmarkFailure) -> PlannerFactory {
        let factory = PlannerFactory(configuration: make(folder: folder, stateDirectory: stateDirectory, isDeep: isDeep))
        let report = factory.discover()
        guard report.added.count == expectedBundles else {
            throw BenchmarkFailure("discovery of \(folder) found \(report.summary), expected \(expectedBundles) added")
        }
        if let broken = factory.planners().first(where: { $0.status == .invalid }) {
            throw BenchmarkFailure("a generated bundle is invalid: \(broken.reason ?? broken.name)")
        }
        return factory
    }
}

import PlannerFactory
import PlannerKit

/// Factories and instances for the workers group: the generated plugins, the sandbox on, the
/// given `factory-probe` and `factory-host`, a fresh state folder under `root` each.
struct WorkerSetup {
    let tools: WorkerTools
    let root: String

    /// The configuration of a factory on the plugins in `folder` with `isolation`. `withoutMarkers`
    /// puts a file where the state folder's `loading/` folder goes, so no load marker can be
    /// written: in-process instances then have no crash guard (the factory logs a warning).
    func configuration(folder: String, isolation: Isolation, withoutMarkers: Bool = false) throws(BenchmarkFailure) -> FactoryConfiguration {
        let state = try SystemError.makeUniqueFolder(in: root, prefix: "state")
        if withoutMarkers { try SystemError.writeFile([], to: state + "/loading") }
        var configuration = ProbeConfiguration.make(folder: folder, stateDirectory: state, probePath: tools.probePath)
        configuration.isolation = isolation
        configuration.hostPath = tools.hostPath
        configuration.callTimeout = .seconds(10)  // a busy machine must not fail a start
        configuration.planTimeout = .seconds(60)
        return configuration
    }

    /// A factory that discovered and probed the `expected` plugins in `folder`, all active.
    func factory(folder: String, isolation: Isolation, expected: Int, withoutMarkers: Bool = false) throws(BenchmarkFailure) -> PlannerFactory {
        let factory = PlannerFactory(configuration: try configuration(folder: folder, isolation: isolation, withoutMarkers: withoutMarkers))
        let report = factory.discover()
        let summary = factory.probePending()
        let active = factory.planners().filter(\.isActive).count
        guard report.added.count == expected, active == expected, summary.warnings.isEmpty else {
            throw BenchmarkFailure("the workers plugins in \(folder): discovery \(report.summary), \(active) of \(expected) active: \(summary.warnings.joined(separator: "; "))")
        }
        return factory
    }

    /// A factory on `plugin`'s folder (of `expected` plugins) and `plugin`'s instance with
    /// `isolation`, checked to run there. Keep the factory as long as the instance.
    func instance(of plugin: PluginCompiler.Plugin, isolation: Isolation, configuration: PlannerConfiguration = [:],
                  expected: Int = 1, withoutMarkers: Bool = false) throws(BenchmarkFailure) -> (factory: PlannerFactory, instance: PlannerInstance)
    {
        let factory = try factory(folder: Self.folder(of: plugin), isolation: isolation, expected: expected, withoutMarkers: withoutMarkers)
        let instance: PlannerInstance
        do {
            instance = try factory.planner(named: plugin.name, configuration: configuration)
        } catch {
            throw BenchmarkFailure("planner(named: \"\(plugin.name)\") failed: \(error.message)")
        }
        guard instance.isolation == isolation else {
            throw BenchmarkFailure("\(plugin.name) runs \(instance.isolation), not \(isolation) as configured")
        }
        return (factory, instance)
    }

    /// The iterations of `plugin`'s plan that take about `seconds` of CPU, from the fastest of
    /// three in-process plans of 4,000,000 iterations (`expected`: the plugins in its folder).
    func calibrate(_ plugin: PluginCompiler.Plugin, expected: Int, seconds: Double) throws(BenchmarkFailure) -> Int {
        let probe = 4_000_000
        let (factory, instance) = try self.instance(
            of: plugin, isolation: .inProcess, configuration: ["iterations": .number(Double(probe))], expected: expected)
        var fastest = Duration.seconds(3600)
        for _ in 0..<3 {
            let start = ContinuousClock.now
            do { _ = try instance.plan(Objective(text: "spin")) } catch {
                throw BenchmarkFailure("\(plugin.name) failed to plan in-process: \(error.message)")
            }
            fastest = min(fastest, ContinuousClock.now - start)
        }
        blackHole(factory)
        return max(1, Int(Double(probe) * seconds / max(fastest.seconds, 1e-6)))
    }

    /// The folder a generated bundle is in.
    static func folder(of plugin: PluginCompiler.Plugin) -> String {
        String(plugin.bundle[..<(plugin.bundle.lastIndex(of: "/") ?? plugin.bundle.endIndex)])
    }
}

import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// The factory configuration of the probe benchmarks: the generated plugins, the sandbox on, the
/// given `factory-probe`, a state folder of the measurement's own.
enum ProbeConfiguration {
    static func make(folder: String, stateDirectory: String, probePath: String) -> FactoryConfiguration {
        var configuration = FactoryConfiguration()
        configuration.pluginPath = [folder]
        configuration.stateDirectory = stateDirectory
        configuration.isSandboxEnabled = true
        configuration.probePath = probePath
        configuration.sandboxTimeout = .seconds(10)  // a busy machine must not quarantine a plugin
        return configuration
    }
}

/// What one factory start over the generated plugins did, checked.
struct PluginStart {
    let folder: String
    let probePath: String
    let expected: Int

    /// A factory on the plugins; `workers` probes at once (by default one per core); its planners
    /// run in workers unless `isolation` says otherwise.
    func factory(stateDirectory: String, workers: Int? = nil, isolation: Isolation = .process) -> PlannerFactory {
        var configuration = ProbeConfiguration.make(folder: folder, stateDirectory: stateDirectory, probePath: probePath)
        if let workers { configuration.probeWorkers = workers }
        configuration.isolation = isolation
        return PlannerFactory(configuration: configuration)
    }

    /// Throws unless discovery added every plugin, `probed` were probed and all are active.
    func check(_ factory: PlannerFactory, _ report: DiscoveryReport, _ summary: ProbeSummary, probed: Int) throws(BenchmarkFailure) {
        guard report.added.count == expected else {
            throw BenchmarkFailure("discovery of the probe plugins found \(report.summary), expected \(expected) added")
        }
        guard summary.probed == probed, summary.warnings.isEmpty else {
            throw BenchmarkFailure("probePending() probed \(summary.probed) (expected \(probed)): \(summary.warnings.joined(separator: "; "))")
        }
        let planners = factory.planners()
        let active = planners.filter(\.isActive).count
        guard active == expected else {
            let first = planners.first { !$0.isActive }
            throw BenchmarkFailure("\(active) of \(expected) probe plugins are active; \(first?.name ?? "?") is \(first.map { "\($0.status)" } ?? "?"): \(first?.reason ?? "")")
        }
    }
}

/// The first start: a fresh factory and an empty state folder, `discover()` then `probePending()`
/// (every plugin copied into the state folder and probed there, in parallel; each probe record written).
/// The factory is created untimed. State folders are kept until the run ends: removing hundreds
/// of files each round makes the next round's file creation slower (ext4 skips recently freed inodes).
final class FirstProbedStartMeasurement: Measurement {
    let start: PluginStart
    let stateParent: String
    /// Plugins probed at once; `nil`: the factory's default, one per core.
    let workers: Int?
    /// The `probePending()` part of each sample, warm-up included.
    private(set) var probing: [Timing] = []

    init(start: PluginStart, stateParent: String, workers: Int? = nil) {
        self.start = start
        self.stateParent = stateParent
        self.workers = workers
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let state = try SystemError.makeUniqueFolder(in: stateParent, prefix: "state-first")
        let factory = start.factory(stateDirectory: state, workers: workers)
        let stopwatch = Stopwatch()
        let report = factory.discover()
        let probeStopwatch = Stopwatch()
        let summary = factory.probePending()
        let probeTiming = probeStopwatch.elapsed()
        let timing = stopwatch.elapsed()
        try start.check(factory, report, summary, probed: start.expected)
        probing.append(probeTiming)
        return timing
    }
}

/// A second start: a new factory on a state folder where every plugin was probed before:
/// `discover()` then `probePending()`, which must probe nothing. The factory is created untimed.
final class SecondStartMeasurement: Measurement {
    let start: PluginStart
    let state: String

    /// Probes every plugin once into `state` (untimed).
    init(start: PluginStart, state: String) throws(BenchmarkFailure) {
        self.start = start
        self.state = state
        let factory = start.factory(stateDirectory: state)
        let report = factory.discover()
        try start.check(factory, report, factory.probePending(), probed: start.expected)
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let factory = start.factory(stateDirectory: state)
        let stopwatch = Stopwatch()
        let report = factory.discover()
        let summary = factory.probePending()
        let timing = stopwatch.elapsed()
        try start.check(factory, report, summary, probed: 0)
        return timing
    }
}

/// In-process instantiation: after an untimed first start into a fresh state folder (fresh
/// copies, so each library file is new to this process), `planner(named:)` of every plugin once,
/// each call timed; the factory's telemetry gives each call's "load" and "create" phases. Loaded
/// libraries stay loaded (the factory never unloads one). Then, as a floor, a fresh copy of each
/// plugin's library is loaded from C (`dlopen`, `dlsym`, entry call), each load timed. One
/// sample: the mean call.
final class InstantiationMeasurement: Measurement {
    let start: PluginStart
    let stateParent: String
    let names: [String]
    let libraries: [String]
    var operationsPerSample: Int { names.count }
    /// Per sample (warm-up included): each call's timing, and its load and create phases.
    private(set) var calls: [[Timing]] = []
    private(set) var loads: [[Duration]] = []
    private(set) var creates: [[Duration]] = []
    private(set) var floorLoads: [[Timing]] = []

    init(start: PluginStart, stateParent: String, plugins: [PluginCompiler.Plugin]) {
        self.start = start
        self.stateParent = stateParent
        names = plugins.map(\.name)
        libraries = plugins.map(\.library)
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let state = try SystemError.makeUniqueFolder(in: stateParent, prefix: "state-load")  // kept, as above
        let factory = start.factory(stateDirectory: state, isolation: .inProcess)
        let report = factory.discover()
        try start.check(factory, report, factory.probePending(), probed: start.expected)
        var timings: [Timing] = []
        timings.reserveCapacity(names.count)
        var instances: [PlannerInstance] = []
        instances.reserveCapacity(names.count)
        let total = Stopwatch()
        for name in names {
            let stopwatch = Stopwatch()
            do {
                instances.append(try factory.planner(named: name))
            } catch {
                throw BenchmarkFailure("planner(named: \"\(name)\") failed: \(error.message)")
            }
            timings.append(stopwatch.elapsed())
        }
        let timing = total.elapsed()
        blackHole(instances)
        let records = factory.telemetry.snapshot().recentInstantiations.filter { $0.outcome == .success }
        let phase = { (name: String) in records.compactMap { $0.phases.first { $0.name == name }?.duration } }
        let (load, create) = (phase("load"), phase("create"))
        guard load.count == names.count, create.count == names.count else {
            throw BenchmarkFailure("the telemetry holds \(load.count) load and \(create.count) create phases for \(names.count) instantiations")
        }
        // The floor: fresh copies (untimed), each loaded from C.
        let copies = state + "/floor"
        try SystemError.check(mkdir(copies, 0o755), "mkdir \(copies)")
        var floor: [Timing] = []
        floor.reserveCapacity(libraries.count)
        for (index, library) in libraries.enumerated() {
            let copy = copies + "/\(index).so"
            try SystemError.writeFile(try SystemError.readFile(library), to: copy)
            floor.append(try Stopwatch.measure { () throws(BenchmarkFailure) in
                try NativeCalls.loadLibrary(copy, entry: "planner_plugin_entry")
            })
        }
        calls.append(timings)
        loads.append(load)
        creates.append(create)
        floorLoads.append(floor)
        return timing
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// What the probe group needs: the `factory-probe` helper and a C compiler for the plugins.
struct ProbeTools: Sendable {
    var probePath: String
    var compiler: PluginCompiler
}

extension BenchmarkSuite {
    /// The probe group: a probe beside a bare spawn-and-wait of /bin/true; a first start with
    /// probes of `pluginCount` real dylib plugins (and the same with one probe at a time); a second start;
    /// in-process load and create.
    func probing(root: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let tools: ProbeTools
        switch probeTools {
        case .success(let found): tools = found
        case .failure(let why):
            progress("the probe benchmarks are skipped: \(why.description)")
            return []
        }
        let folder = root + "/probe"
        try SystemError.check(mkdir(folder, 0o755), "mkdir \(folder)")
        progress("probe: compiling grid-greedy-c, and \(pluginCount) distinct plugins from it")
        let example = try tools.compiler.compileExample(into: folder)
        let probeByCC = try tools.compiler.compileProbe(into: folder)
        let pluginFolder = folder + "/plugins-\(pluginCount)"
        let plugins = try tools.compiler.generatePlugins(count: pluginCount, into: pluginFolder)
        sync()
        return try singleProbes(tools: tools, library: example, probeByCC: probeByCC)
            + pluginStarts(tools: tools, folder: folder, pluginFolder: pluginFolder, plugins: plugins)
    }

    /// The floor, the sandbox's spawn, the bare probe and the probe, interleaved sample by sample.
    private func singleProbes(tools: ProbeTools, library: String, probeByCC: String?) throws(BenchmarkFailure) -> [BenchmarkResult] {
        progress("probe: spawn floor and single probes (\(probeSamples) samples)")
        let floor = SpawnMeasurement(["/bin/true"], discardingOutput: false)
        let sandboxed = ProbeRunnerMeasurement(probePath: "/bin/true", library: library, expectsReport: false)
        let bare = SpawnMeasurement([tools.probePath, library], discardingOutput: true)
        let probe = ProbeRunnerMeasurement(probePath: tools.probePath, library: library, expectsReport: true)
        var measurements: [any Measurement] = [floor, sandboxed, bare, probe]
        if let probeByCC {
            measurements.append(SpawnMeasurement([probeByCC, library], discardingOutput: true))
            measurements.append(ProbeRunnerMeasurement(probePath: probeByCC, library: library, expectsReport: true))
        }
        let samples = try Sampler.run(measurements, warmUp: 5, rounds: probeSamples)
        let floorMedian = samples[0].median
        let runtime = NeededLibraries.of(tools.probePath)
        var results = [
            BenchmarkResult(
                measurement: "spawn+wait /bin/true (C floor)", size: nil, quantity: .time(samples[0]),
                note: "posix_spawn (no attributes, no file actions) and waitpid of /bin/true, the probe's 2-variable environment: the floor of a probe"),
            BenchmarkResult(
                measurement: "/bin/true via the sandbox", size: nil, quantity: .time(samples[1]), floor: floorMedian,
                note: "ProbeRunner(probePath: \"/bin/true\").probe: csandbox_run (new session, default signals, closefrom, pidfd + poll, output pipe, deadline) around a child that does nothing"),
            BenchmarkResult(
                measurement: "factory-probe, bare spawn (C)", size: nil, quantity: .time(samples[2]), floor: floorMedian,
                note: "posix_spawn and waitpid of factory-probe on grid-greedy-c, stdout to /dev/null: the probe's own cost, no sandbox"),
            BenchmarkResult(
                measurement: "probe (ProbeRunner.probe)", size: nil, quantity: .time(samples[3]), floor: floorMedian,
                target: .ratioAtMost(3),
                note: "ProbeRunner.probe of examples/plugins/grid-greedy-c (cc -O2): factory-probe in the sandbox dlopens it, checks the table, calls describe; the JSON report parsed. The factory-probe measured needs \(runtime)"),
        ]
        if probeByCC != nil {
            results += [
                BenchmarkResult(
                    measurement: "factory-probe by cc, bare spawn", size: nil, quantity: .time(samples[4]), floor: floorMedian,
                    note: "the same probe.c (with the launcher, claunch.c) compiled and linked by cc -O2 -ldl alone (needs \(NeededLibraries.of(probeByCC ?? ""))), spawned bare"),
                BenchmarkResult(
                    measurement: "probe, factory-probe by cc", size: nil, quantity: .time(samples[5]), floor: floorMedian,
                    note: "ProbeRunner.probe with that helper: what the probe costs when the helper loads no Swift runtime"),
            ]
        }
        return results
    }

    /// First start (one probe per core, and one at a time), second start and instantiation, in interleaved rounds.
    private func pluginStarts(
        tools: ProbeTools, folder: String, pluginFolder: String, plugins: [PluginCompiler.Plugin]
    ) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let count = plugins.count
        progress("probe: \(count) plugins: first start (parallel and serial), second start, load + create (\(rounds) rounds)")
        let start = PluginStart(folder: pluginFolder, probePath: tools.probePath, expected: count)
        let first = FirstProbedStartMeasurement(start: start, stateParent: folder)
        let serial = FirstProbedStartMeasurement(start: start, stateParent: folder, workers: 1)
        let secondState = folder + "/state-second"
        try SystemError.check(mkdir(secondState, 0o755), "mkdir \(secondState)")
        let second = try SecondStartMeasurement(start: start, state: secondState)
        let instantiation = InstantiationMeasurement(start: start, stateParent: folder, plugins: plugins)
        let warmUp = 1
        let samples = try Sampler.run([first, serial, second, instantiation], warmUp: warmUp, rounds: rounds)
        let probing = Array(first.probing.dropFirst(warmUp))
        let speedUps = zip(serial.probing.dropFirst(warmUp), probing).map { $0.wall.seconds / $1.wall.seconds }
        let calls = instantiation.calls.dropFirst(warmUp).flatMap { $0 }
        let loads = instantiation.loads.dropFirst(warmUp).flatMap { $0 }
        let creates = instantiation.creates.dropFirst(warmUp).flatMap { $0 }
        let floorLoads = Samples(instantiation.floorLoads.dropFirst(warmUp).flatMap { $0 })
        return [
            BenchmarkResult(
                measurement: "first start: discover + probe all", size: count, quantity: .time(samples[0]),
                note: "fresh factory and state folder: discover(), then probePending(): each library copied into the state folder and probed there, \(cores) at a time; each probe record written as it comes; all active"),
            BenchmarkResult(
                measurement: "  of which probePending()", size: count, quantity: .time(Samples(probing))),
            BenchmarkResult(
                measurement: "first start, probing serially", size: count, quantity: .time(samples[1]),
                note: "the same first start with FactoryConfiguration.probeWorkers = 1: one plugin copied and probed at a time"),
            BenchmarkResult(
                measurement: "parallel probing speed-up", size: count, quantity: .factor(speedUps),
                note: "per round, probePending() with 1 worker / with one per core (\(cores) cores); both copy every library and write every probe record"),
            BenchmarkResult(
                measurement: "second start (0 probes)", size: count, quantity: .time(samples[2]),
                note: "a new factory on the same state folder: discover(), then probePending(), which finds every result in probes/ by fingerprint and probes nothing"),
            BenchmarkResult(
                measurement: "dlopen floor (C)", size: nil, quantity: .time(floorLoads),
                note: "dlopen (RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) of a fresh copy of each plugin's library, dlsym of the entry, the entry called; no dlclose"),
            BenchmarkResult(
                measurement: "in-process load", size: nil, quantity: .time(Samples(wallTimes: loads)), floor: floorLoads.median,
                note: "the \"load\" phase of planner(named:) from the factory's telemetry: load marker written, dlopen (RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) of the probed copy, new to the process (fresh copies every round), dlsym, entry, table checks; each of the \(count) plugins once a round"),
            BenchmarkResult(
                measurement: "in-process create", size: nil, quantity: .time(Samples(wallTimes: creates)),
                note: "the \"create\" phase: create(\"{}\") through the plugin's C table and the instance wrapped"),
            BenchmarkResult(
                measurement: "planner(named:), first call", size: nil, quantity: .time(Samples(calls)),
                note: "the whole call on a probed plugin: lookup, load, create, telemetry, instance cached"),
        ]
    }

    private var cores: Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }
}

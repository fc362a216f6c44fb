import PlannerFactory
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// What the workers group needs: the probe's tools, the `factory-host` worker helper and the
/// source of its plugins.
struct WorkerTools: Sendable {
    var probePath: String
    var hostPath: String
    var plugins: WorkerPlugins
}

extension BenchmarkSuite {
    /// The workers group: a trivial plan through a warm worker against the same plan in-process
    /// (and their C floors, and the in-process crash guard's cost), a worker's start against a
    /// bare spawn of /bin/true, eight busy plans over four workers at once against one after another.
    func workers(root: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let tools: WorkerTools
        switch workerTools {
        case .success(let found): tools = found
        case .failure(let why):
            progress("the workers benchmarks are skipped: \(why.description)")
            return []
        }
        let folder = root + "/workers"
        try SystemError.check(mkdir(folder, 0o755), "mkdir \(folder)")
        progress("workers: compiling 5 plugins from worker_bench.c")
        let trivial = try tools.plugins.generate(names: ["worker-trivial"], into: folder + "/trivial")[0]
        let busy = try tools.plugins.generate(names: (1...4).map { "worker-busy-\($0)" }, into: folder + "/busy")
        sync()
        let setup = WorkerSetup(tools: tools, root: folder)
        return try planCalls(setup, plugin: trivial)
            + workerStarts(setup, plugin: trivial)
            + concurrentPlans(setup, plugins: busy)
    }

    /// Trivial plans, isolated and in-process (with and without the crash guard), beside the
    /// C-table call and a pipe round trip.
    private func planCalls(_ setup: WorkerSetup, plugin: PluginCompiler.Plugin) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let (isolatedFactory, isolated) = try setup.instance(of: plugin, isolation: .process)
        let (inProcessFactory, inProcess) = try setup.instance(of: plugin, isolation: .inProcess)
        let (unguardedFactory, unguarded) = try setup.instance(of: plugin, isolation: .inProcess, withoutMarkers: true)
        defer { blackHole((isolatedFactory, inProcessFactory, unguardedFactory)) }
        let objective = Objective(text: "plan one constant step")
        let objectiveJSON = objective.json.serialized()
        let request = #"{"id":1000,"call":"plan","instance":"i1","body":"# + objectiveJSON + "}\n"
        let reply = #"{"id":1000,"result":{"planner":"worker-trivial","steps":["done"],"cost":1,"stats":{}}}"# + "\n"
        let measurements = (
            isolated: PlanCallMeasurement(instance: isolated, objective: objective, batch: workerBatch),
            inProcess: PlanCallMeasurement(instance: inProcess, objective: objective, batch: workerBatch),
            unguarded: PlanCallMeasurement(instance: unguarded, objective: objective, batch: workerBatch),
            table: TablePlanFloorMeasurement(library: plugin.library, configuration: "{}", objective: objectiveJSON, batch: workerBatch),
            pipe: PipeRoundTripMeasurement(requestBytes: request.utf8.count, replyBytes: reply.utf8.count, batch: workerBatch))
        progress("workers: trivial plans, isolated and in-process (\(workerRounds) rounds of \(workerBatch) calls)")
        let warmUp = 1
        let batches = try Sampler.run(
            [measurements.isolated, measurements.inProcess, measurements.unguarded, measurements.table, measurements.pipe],
            warmUp: warmUp, rounds: workerRounds)
        func calls(_ perSample: [[Duration]]) -> [Duration] { perSample.dropFirst(warmUp).flatMap { $0 } }
        let isolatedCalls = Samples(wallTimes: calls(measurements.isolated.calls), cpuTimes: batches[0].sortedCPU)
        let inProcessCalls = Samples(wallTimes: calls(measurements.inProcess.calls), cpuTimes: batches[1].sortedCPU)
        let tableCalls = Samples(wallTimes: calls(measurements.table.calls))
        let pipeCalls = Samples(wallTimes: calls(measurements.pipe.calls))
        let overPipe = zip(measurements.isolated.calls, measurements.pipe.calls).dropFirst(warmUp).map { isolated, pipe in
            Samples(wallTimes: isolated).median.seconds / Samples(wallTimes: pipe).median.seconds
        }
        return [
            BenchmarkResult(
                measurement: "plan via C table (C floor)", size: nil, quantity: .time(tableCalls),
                note: "worker_bench.c's plan (a constant one-step plan) and free_string called straight through its table from C, each call timed in C"),
            BenchmarkResult(
                measurement: "plan, in-process", size: nil, quantity: .time(inProcessCalls), floor: tableCalls.median,
                note: "PlannerInstance.plan of the same plugin with FactoryConfiguration.isolation = .inProcess: objective JSON built, crash guard, C table called, plan JSON parsed, call lock, telemetry; each call timed on its own (CPU: the process's, per call over batches of \(workerBatch))"),
            BenchmarkResult(
                measurement: "  p99", size: nil, quantity: .time(inProcessCalls), statistic: .percentile(99)),
        ] + PhaseHookMeasurement.results(guarded: measurements.inProcess, unguarded: measurements.unguarded, warmUp: warmUp) + [
            BenchmarkResult(
                measurement: "pipe round trip (C floor)", size: nil, quantity: .time(pipeCalls),
                note: "a request of \(request.utf8.count) bytes on a socket pair and a reply of \(reply.utf8.count) bytes on a pipe to a forked C child that answers at once: the least a call to another process costs"),
            BenchmarkResult(
                measurement: "plan, isolated (warm worker)", size: nil, quantity: .time(isolatedCalls), floor: inProcessCalls.median,
                target: .timeAtMost(.microseconds(100)),
                note: "the same with isolation = .process (the default): the request sent to factory-host serve over protocol v1, the reply read by the worker's reader thread and handed to the caller; RATIO is over the in-process median; CPU is this process's only, not the worker's"),
            BenchmarkResult(
                measurement: "  p99", size: nil, quantity: .time(isolatedCalls), statistic: .percentile(99)),
            BenchmarkResult(
                measurement: "  isolated over the pipe floor", size: nil, quantity: .factor(overPipe),
                note: "per round, the isolated median over the pipe round trip's median"),
        ]
    }

    /// A worker's start from the factory and from C, the launcher alone, beside a spawn of /bin/true.
    private func workerStarts(_ setup: WorkerSetup, plugin: PluginCompiler.Plugin) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let host = setup.tools.hostPath
        let configuration = try setup.configuration(folder: WorkerSetup.folder(of: plugin), isolation: .process)
        let start = try WorkerStartMeasurement(configuration: configuration, planner: plugin.name)
        let floor = SpawnMeasurement(["/bin/true"], discardingOutput: false)
        let version = SpawnMeasurement([host, "--version"], discardingOutput: true)
        let launcher = SpawnMeasurement([host, "run", "--", "/bin/true"], discardingOutput: false)
        let handshake = HostHandshakeMeasurement(hostPath: host, library: plugin.library)
        progress("workers: worker starts beside spawns of /bin/true (\(probeSamples) samples)")
        let warmUp = 3
        let samples = try Sampler.run([floor, version, launcher, handshake, start], warmUp: warmUp, rounds: probeSamples)
        let floorMedian = samples[0].median
        let namespace = (try? NativeCalls.runJoiningOutput([host, "--self-test"]).output) ?? "?"
        return [
            BenchmarkResult(
                measurement: "spawn+wait /bin/true (C floor)", size: nil, quantity: .time(samples[0]),
                note: "posix_spawn (no attributes, no file actions) and waitpid of /bin/true"),
            BenchmarkResult(
                measurement: "factory-host --version, bare", size: nil, quantity: .time(samples[1]), floor: floorMedian,
                note: "spawn and wait of factory-host itself (no launcher), stdout to /dev/null: what exec of the helper costs; it needs \(NeededLibraries.of(host))"),
            BenchmarkResult(
                measurement: "launcher: factory-host run -- /bin/true", size: nil, quantity: .time(samples[2]), floor: floorMedian,
                note: "spawn and wait of /bin/true through the sandbox launcher (outer, init of a new PID namespace, worker exec); --self-test says \(namespace.filter { $0 != "\n" })"),
            BenchmarkResult(
                measurement: "factory-host serve to handshake (C)", size: nil,
                quantity: .time(Samples(wallTimes: Array(handshake.toLine.dropFirst(warmUp)))), floor: floorMedian,
                note: "factory-host serve of worker-trivial spawned bare from C, pipes on stdin and stdout, until its handshake line is read: launcher, dlopen, describe"),
            BenchmarkResult(
                measurement: "worker start (spawn + handshake + create)", size: nil,
                quantity: .time(Samples(wallTimes: Array(start.starts.dropFirst(warmUp)))), floor: floorMedian, target: .ratioAtMost(3),
                note: "the \"start\" phase of planner(named:) on a fresh factory whose probe result is in the state folder: the probed copy found, the worker spawned from the spawner thread through the launcher, its reader thread started, the handshake read, create answered"),
            BenchmarkResult(
                measurement: "planner(named:), isolated, fresh factory", size: nil, quantity: .time(samples[4]), floor: floorMedian,
                note: "the whole call: lookup, fingerprint check (\"probe\" phase, median \(Formatting.time(Samples(wallTimes: Array(start.probes.dropFirst(warmUp))).median.seconds))), start, telemetry"),
        ]
    }

    /// Eight busy plans over four workers at once, and one after another.
    private func concurrentPlans(_ setup: WorkerSetup, plugins: [PluginCompiler.Plugin]) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let iterations = try setup.calibrate(plugins[0], expected: plugins.count, seconds: 0.03)
        let objective = Objective(text: "spin")
        let configuration: PlannerConfiguration = ["iterations": .number(Double(iterations))]
        let factory = try setup.factory(folder: WorkerSetup.folder(of: plugins[0]), isolation: .process, expected: plugins.count)
        var instances: [PlannerInstance] = []
        for plugin in plugins {
            do {
                instances.append(try factory.planner(named: plugin.name, configuration: configuration))
            } catch {
                throw BenchmarkFailure("planner(named: \"\(plugin.name)\") failed: \(error.message)")
            }
        }
        let calls = 8
        let serial = ConcurrentPlansMeasurement(instances: instances, objective: objective, calls: calls, mode: .serial)
        let threads = ConcurrentPlansMeasurement(instances: instances, objective: objective, calls: calls, mode: .threads)
        let tasks = ConcurrentPlansMeasurement(instances: instances, objective: objective, calls: calls, mode: .tasks)
        progress("workers: \(calls) plans of \(iterations) iterations over \(instances.count) workers (\(concurrencyRounds) rounds)")
        let samples = try Sampler.run([serial, threads, tasks], warmUp: 1, rounds: concurrencyRounds)
        guard factory.workers().count == instances.count else {
            throw BenchmarkFailure("\(factory.workers().count) workers served \(instances.count) planners")
        }
        // Rounds are interleaved: each round's serial time goes with that round's parallel ones.
        let speedUp = { (parallel: ConcurrentPlansMeasurement) in
            zip(serial.times, parallel.times).dropFirst(1).map { $0.seconds / $1.seconds }
        }
        let perPlan = Formatting.time(samples[0].median.seconds / Double(calls))
        return [
            BenchmarkResult(
                measurement: "8 busy plans, one after another", size: nil, quantity: .time(samples[0]),
                note: "4 planners (worker_bench.c, \(iterations) xorshift iterations a plan, calibrated in-process to ~30 ms), 2 calls each, each in its own warm worker, called in turn: \(perPlan) a plan"),
            BenchmarkResult(
                measurement: "8 busy plans, 8 threads", size: nil, quantity: .time(samples[1]),
                note: "the same 8 calls from 8 POSIX threads at once (a planner that is not thread-safe takes its 2 calls in turn)"),
            BenchmarkResult(
                measurement: "  speed-up, threads", size: nil, quantity: .factor(speedUp(threads)),
                note: "per round, the serial time over the 8-thread time (\(cores) cores)"),
            BenchmarkResult(
                measurement: "8 busy plans, 8 tasks (async)", size: nil, quantity: .time(samples[2]),
                note: "the same from 8 tasks of a task group through the async plan(_:), which runs each blocking call on DispatchQueue.global()"),
            BenchmarkResult(
                measurement: "  speed-up, tasks", size: nil, quantity: .factor(speedUp(tasks)),
                note: "per round, the serial time over the 8-task time"),
        ]
    }

    private var cores: Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }
}

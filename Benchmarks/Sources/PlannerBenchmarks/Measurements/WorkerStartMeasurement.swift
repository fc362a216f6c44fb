import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// A worker's start, from the factory: a new factory on a state folder where the plugin was
/// probed before (untimed: made, `discover()`, `probePending()`, which must probe nothing), then
/// `planner(named:)` timed. Its "start" phase from the instantiation telemetry is the spawn of
/// `factory-host serve` through the launcher, the handshake and the `create` call. The worker is
/// then killed (`cancelCalls(of:)`; dropping the factory would not end it, since the factory and
/// its isolated instances hold each other) and the sample waits (untimed) until it is gone.
final class WorkerStartMeasurement: Measurement {
    let configuration: FactoryConfiguration
    let planner: String
    /// Per sample (warm-up included): the "start" and "probe" phases.
    private(set) var starts: [Duration] = []
    private(set) var probes: [Duration] = []

    /// Probes the plugin once into the configuration's state folder (untimed).
    init(configuration: FactoryConfiguration, planner: String) throws(BenchmarkFailure) {
        self.configuration = configuration
        self.planner = planner
        _ = try discovered(expectingProbes: 1)
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let (timing, pid) = try startOnce()
        try WorkerExitWait.untilGone(pid)
        return timing
    }

    private func startOnce() throws(BenchmarkFailure) -> (Timing, Int32) {
        let factory = try discovered(expectingProbes: 0)
        let stopwatch = Stopwatch()
        let instance: PlannerInstance
        do {
            instance = try factory.planner(named: planner)
        } catch {
            throw BenchmarkFailure("planner(named: \"\(planner)\") failed: \(error.message)")
        }
        let timing = stopwatch.elapsed()
        let record = factory.telemetry.snapshot().recentInstantiations.first { $0.planner == planner && $0.outcome == .success }
        let phase = { (name: String) in record?.phases.first { $0.name == name }?.duration }
        guard instance.isolation == .process, let pid = instance.workers.first?.pid, let start = phase("start") else {
            throw BenchmarkFailure("\(planner) did not start in a worker (isolation \(instance.isolation), phases \(record.map { "\($0.phases.map(\.name))" } ?? "none"))")
        }
        starts.append(start)
        probes.append(phase("probe") ?? .zero)
        factory.cancelCalls(of: planner)
        return (timing, pid)
    }

    private func discovered(expectingProbes probes: Int) throws(BenchmarkFailure) -> PlannerFactory {
        let factory = PlannerFactory(configuration: configuration)
        let report = factory.discover()
        let summary = factory.probePending()
        guard report.added.count == 1, summary.probed == probes, summary.warnings.isEmpty, factory.planners().first?.isActive == true else {
            throw BenchmarkFailure("the worker-start plugin: discovery \(report.summary), \(summary.probed) probed (expected \(probes)): \(summary.warnings.joined(separator: "; "))")
        }
        return factory
    }
}

/// Waiting for a worker to be gone once its factory is dropped.
enum WorkerExitWait {
    /// Waits up to `seconds` until `pid` no longer exists (its reader thread reaped it).
    static func untilGone(_ pid: Int32, seconds: Int = 5) throws(BenchmarkFailure) {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while kill(pid, 0) == 0 || errno != ESRCH {
            guard ContinuousClock.now < deadline else {
                throw BenchmarkFailure("worker \(pid) was still there \(seconds) s after it was ended")
            }
            usleep(200)
        }
    }
}

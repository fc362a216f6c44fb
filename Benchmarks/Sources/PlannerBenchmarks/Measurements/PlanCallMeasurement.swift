import PlannerFactory
import PlannerKit

/// `PlannerInstance.plan` on a warm instance (in a worker, or in this process), each call timed
/// on its own. One sample is a batch of calls: its wall and CPU times divided by the batch give
/// the CPU column; the single calls give the median and the tail.
final class PlanCallMeasurement: Measurement {
    let instance: PlannerInstance
    let objective: Objective
    let batch: Int
    var operationsPerSample: Int { batch }
    /// Per sample (warm-up included): each call's wall time.
    private(set) var calls: [[Duration]] = []

    init(instance: PlannerInstance, objective: Objective, batch: Int) {
        self.instance = instance
        self.objective = objective
        self.batch = batch
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var times: [Duration] = []
        times.reserveCapacity(batch)
        var last: Plan?
        let stopwatch = Stopwatch()
        do {
            for _ in 0..<batch {
                let start = ContinuousClock.now
                last = try instance.plan(objective)
                times.append(ContinuousClock.now - start)
            }
        } catch {
            throw BenchmarkFailure("\(instance.name) (\(instance.isolation)) failed to plan: \(error.message)")
        }
        let timing = stopwatch.elapsed()
        guard last?.steps == ["done"] else {
            throw BenchmarkFailure("\(instance.name) (\(instance.isolation)) answered an unexpected plan: \(last.map { "\($0.steps)" } ?? "none")")
        }
        calls.append(times)
        return timing
    }
}

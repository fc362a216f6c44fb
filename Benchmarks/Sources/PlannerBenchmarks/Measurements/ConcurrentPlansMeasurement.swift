import Dispatch
import PlannerFactory
import PlannerKit

/// Eight plan calls over four warm planners (call `i` goes to planner `i % 4`), each plan a few
/// tens of milliseconds of CPU: one after another, from eight threads at once, or from eight
/// tasks at once through the async `plan(_:)`. A planner that is not thread-safe takes its two
/// calls one at a time; the four run side by side, each in its own worker process.
final class ConcurrentPlansMeasurement: Measurement {
    enum Mode: Sendable {
        case serial
        case threads
        case tasks
    }

    let instances: [PlannerInstance]
    let objective: Objective
    let calls: Int
    let mode: Mode
    /// Each sample's wall time (warm-up included), in order.
    private(set) var times: [Duration] = []

    init(instances: [PlannerInstance], objective: Objective, calls: Int, mode: Mode) {
        self.instances = instances
        self.objective = objective
        self.calls = calls
        self.mode = mode
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let instances = instances
        let objective = objective
        let plan = { @Sendable (index: Int) throws(BenchmarkFailure) -> Void in
            let instance = instances[index % instances.count]
            do throws(FactoryError) {
                _ = try instance.plan(objective)
            } catch {
                throw BenchmarkFailure("\(instance.name) failed to plan: \(error.message)")
            }
        }
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in
            switch mode {
            case .serial: for index in 0..<calls { try plan(index) }
            case .threads: try Threads.run(calls, plan)
            case .tasks: try planInTasks(instances, objective)
            }
        }
        times.append(timing.wall)
        return timing
    }

    /// The calls as tasks of a task group, awaited from this (synchronous) thread.
    private func planInTasks(_ instances: [PlannerInstance], _ objective: Objective) throws(BenchmarkFailure) {
        let failures = Failures()
        let done = DispatchSemaphore(value: 0)
        let calls = calls
        Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<calls {
                    let instance = instances[index % instances.count]
                    group.addTask {
                        do throws(FactoryError) {
                            _ = try await instance.plan(objective)
                        } catch {
                            failures.add(BenchmarkFailure("\(instance.name) failed to plan: \(error.message)"))
                        }
                    }
                }
            }
            done.signal()
        }
        done.wait()
        if let first = failures.first { throw first }
    }
}

import Dispatch
import PlannerKit

extension PlannerInstance {
    /// `plan(_:)` without blocking the caller's task. Cancelling the task ends the call within
    /// milliseconds: the worker is killed (SIGKILL) and the call throws `.cancelled`, which is not
    /// a fault of the planner; the next call starts a fresh worker. In-process planners cannot be
    /// interrupted: their call runs to its end.
    public func plan(_ objective: Objective) async throws(FactoryError) -> Plan {
        if Task.isCancelled {
            throw FactoryError(.cancelled, "The plan call into planner \"\(name)\" was cancelled before it started.", context: ["planner": name])
        }
        let cancellation = Cancellation()
        let result: Result<Plan, FactoryError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: Result { () throws(FactoryError) in try self.plan(objective, cancellation: cancellation) })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }
}

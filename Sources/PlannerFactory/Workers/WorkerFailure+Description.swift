import PlannerKit

extension WorkerFailure: CustomStringConvertible {
    /// What went wrong, in words for a message, never the case's name (a caller with a better
    /// sentence for one case says it; this is for the others).
    var description: String {
        switch self {
        case .answered(let code, let message): "the planner answered with an error (\(code)): \(message)"
        case .ended(let exit, _): "the worker \(exit)"
        case .protocolError(let problem, _): "the worker broke the protocol: \(problem)"
        case .timedOut(let after): "the call did not finish within \(JSONValue.format(after.seconds)) s"
        case .cancelled: "the call was cancelled"
        case .unavailable(let detail): detail
        case .waited(let detail): detail
        case .stopped: "the factory ended the worker during the call"
        }
    }
}

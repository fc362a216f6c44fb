/// How a worker process ended.
public enum WorkerExit: Sendable, Hashable, CustomStringConvertible {
    /// It exited with this code.
    case exited(code: Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// "exited with code 3", "crashed with SIGSEGV".
    public var description: String {
        switch self {
        case .exited(let code): "exited with code \(code)"
        case .signaled(let signal): "crashed with \(SignalName.of(signal))"
        }
    }
}

/// Why a call into a worker did not return a result.
enum WorkerFailure: Error, Sendable {
    /// The planner answered with an error (`unsolvable`, `invalid-objective` …): not a fault.
    case answered(code: String, message: String)
    /// The worker ended during the call (or before answering the handshake).
    case ended(WorkerExit, log: String)
    /// The worker broke the protocol; it was killed.
    case protocolError(String, log: String)
    /// The deadline passed; the worker and everything it started were ended.
    case timedOut(Duration)
    /// The call was cancelled; the worker was killed.
    case cancelled
    /// The worker could not be started (no helper, no descriptors): not the plugin's fault.
    case unavailable(String)
    /// The call's deadline passed before it got a worker (every place stayed taken by busy
    /// workers, or another call was still starting it): not the plugin's fault.
    case waited(String)
    /// The factory ended the worker during the call for a reason of its own (another call's
    /// deadline, idleness, making room): not the plugin's fault.
    case stopped
}

/// A fault of the plugin's own code, which counts toward quarantine.
struct WorkerFault: Sendable, CustomStringConvertible {
    /// The call it happened in: `start`, `create`, `plan`, `health`.
    var phase: String
    /// What happened, e.g. "crashed with SIGSEGV", "timed out after 10 s", "broke the protocol: …".
    var what: String
    /// For a timeout, the deadline it ran under and the setting it came from
    /// (`FACTORY_CALL_TIMEOUT`, `FACTORY_PLAN_TIMEOUT`): a quarantine for timeouts holds only
    /// while the deadline in effect is no longer.
    var deadline: (duration: Duration, setting: String)?

    /// "crashed in plan with SIGSEGV" style: what happened, with the phase.
    var description: String {
        if what.hasPrefix("crashed with ") { return "crashed in \(phase) with " + what.dropFirst("crashed with ".count) }
        if what.hasPrefix("exited with ") { return "exited in \(phase) with " + what.dropFirst("exited with ".count) }
        if what.hasPrefix("failed: ") { return "\(phase) failed: " + what.dropFirst("failed: ".count) }
        if what.hasPrefix("returned ") { return what }
        return "\(what) in \(phase)"
    }
}

import PlannerKit

/// What a planner's worker process is doing, for `factory show`, the TUI and the API.
public struct WorkerInfo: Sendable, Hashable {
    /// The planner it serves.
    public var planner: String
    /// Its process id in this process's PID namespace (the launcher's: the plugin's own code
    /// runs in a PID namespace of its own where the kernel offers one).
    public var pid: Int32
    /// The call it is busy in (`plan`, `health` …), or `nil` when idle.
    public var call: String?
    /// How long it has been busy in that call, or idle, in seconds.
    public var seconds: Double
    /// How many times it was started again after it died.
    public var restarts: Int

    /// "pid 4242, busy in plan for 12 s" or "pid 4242, idle for 3 s".
    public var summary: String {
        let time = seconds < 10 ? JSONValue.format((seconds * 10).rounded() / 10) : String(Int(seconds))
        let doing = call.map { "busy in \($0) for \(time) s" } ?? "idle for \(time) s"
        return "pid \(pid), \(doing)" + (restarts > 0 ? ", \(restarts) restart(s)" : "")
    }
}

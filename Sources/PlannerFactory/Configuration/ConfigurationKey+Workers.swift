extension ConfigurationKey {
    /// `FACTORY_ISOLATION`: where plugin code runs, `process` (a worker per instance, the default)
    /// or `in-process` (dylib plugins inside the host: for trusted plugins only).
    public static let isolation = ConfigurationKey(
        environmentName: "FACTORY_ISOLATION", flag: "--isolation",
        accepted: "process or in-process",
        summary: "Where plugin code runs: process (isolated workers, the default) or in-process (trusted dylib plugins only).")
    /// `FACTORY_HOST_PATH`: the `factory-host` helper; by default the one next to the running executable.
    public static let hostPath = ConfigurationKey(
        environmentName: "FACTORY_HOST_PATH", flag: "--host-path",
        accepted: "the path of the factory-host executable",
        summary: "The worker helper that serves dylib plugins and launches process plugins; by default factory-host next to the running executable.")
    /// `FACTORY_CALL_TIMEOUT`: the deadline of a worker's start with create, and of health calls, in seconds.
    public static let callTimeout = ConfigurationKey(
        environmentName: "FACTORY_CALL_TIMEOUT", flag: "--call-timeout",
        accepted: "a number of seconds from 0.01 to 86400 in plain decimals, e.g. 10 or 0.5",
        summary: "Deadline of a worker's start with create, and of health calls, in seconds.")
    /// `FACTORY_PLAN_TIMEOUT`: the deadline of a plan call, in seconds.
    public static let planTimeout = ConfigurationKey(
        environmentName: "FACTORY_PLAN_TIMEOUT", flag: "--plan-timeout",
        accepted: "a number of seconds from 0.01 to 86400 in plain decimals, e.g. 300",
        summary: "Deadline of a plan call, in seconds; an objective's own deadline may be shorter.")
    /// `FACTORY_MAX_WORKERS`: how many worker processes may live at once.
    public static let maxWorkers = ConfigurationKey(
        environmentName: "FACTORY_MAX_WORKERS", flag: "--max-workers",
        accepted: "a whole number from 1 to 1024 (digits only)",
        summary: "Live worker processes at most; the least recently used idle one is stopped to make room.")
    /// `FACTORY_WORKER_IDLE`: seconds after which an idle worker exits.
    public static let workerIdle = ConfigurationKey(
        environmentName: "FACTORY_WORKER_IDLE", flag: "--worker-idle",
        accepted: "a number of seconds from 0.01 to 86400 in plain decimals, e.g. 60",
        summary: "An idle worker exits after this many seconds (it is started again on the next call).")
    /// `FACTORY_WORKER_MEMORY`: the address-space limit of each worker.
    public static let workerMemory = ConfigurationKey(
        environmentName: "FACTORY_WORKER_MEMORY", flag: "--worker-memory",
        accepted: "a size in bytes with an optional K, M, G or T suffix (powers of 1024), from 64M to 1T, e.g. 4G",
        summary: "Address-space limit of each worker process, so a runaway allocation fails inside the worker.")
}

/// Where plugin code runs.
public struct Isolation: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(name: String) { self.name = name }

    /// Every plugin call runs in a worker process, with deadlines (the default).
    public static let process = Isolation(name: "process")
    /// Dylib plugins run inside the host process: microseconds a call, no deadline on `plan`, and
    /// a crash takes the host down. For trusted plugins only; process plugins always run in workers.
    public static let inProcess = Isolation(name: "in-process")

    /// `process` or `in-process`.
    public var description: String { name }

    /// Where `record`'s code runs when the configuration says `configured`: builtins in-process;
    /// process plugins, and plugins whose manifest insists on it, in a worker; other plugins as
    /// configured (nothing can ask for less than the configuration gives).
    public static func effective(for record: PlannerRecord, configured: Isolation) -> Isolation {
        switch record.kind {
        case .builtin: return .inProcess
        case .process: return .process
        default: return record.requiresProcessIsolation ? .process : configured
        }
    }

    /// The isolation named `text` (`process`, `in-process`), or `nil`.
    public init?(_ text: String) {
        switch text {
        case "process": self = .process
        case "in-process", "inprocess": self = .inProcess
        default: return nil
        }
    }
}

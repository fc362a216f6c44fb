/// Everything that tunes a `PlannerFactory`, with documented defaults.
///
/// Build one from the environment and apply command-line overrides:
/// ```swift
/// var configuration = try FactoryConfiguration(environment: ProcessInfo.processInfo.environment)
/// try configuration.apply([.minimumMatch: "0.5"])
/// ```
/// Every malformed value is a `FactoryError` with code `.invalidConfiguration` naming the key,
/// the value and the accepted form; nothing falls back to a default silently.
public struct FactoryConfiguration: Sendable, Hashable {
    /// Folders whose immediate sub-folders are bundles, searched in order. Default: none.
    public var pluginPath: [String] = []
    /// Fingerprint every file of a bundle. Default: `false` (manifest and entry file only).
    public var isDeepFingerprint = false
    /// Probe plugin code in a child process before loading it. Default: `true`.
    public var isSandboxEnabled = true
    /// Deadline of one probe. Default: 2 seconds.
    public var sandboxTimeout: Duration = .seconds(2)
    /// The `factory-probe` helper. Default: `nil`, meaning the one next to the running executable.
    public var probePath: String?
    /// The most bytes of library files copied for one bundle before its probe; a bundle with
    /// more is quarantined. Default: 1 GiB.
    public var maxCopyBytes = 1 << 30
    /// How many plugins are probed at once. Default: the number of cores. (Not read from the
    /// environment: for embedding applications and the benchmark's serial baseline.)
    public var probeWorkers = ProcessorCount.active
    /// Consecutive faults of a plugin (failed creations; crashes, exits, protocol errors and
    /// timeouts of its workers) after which it is quarantined. Default: 3.
    public var maxFailures = 3
    /// Where plugin code runs. Default: `.process` (workers).
    public var isolation = Isolation.process
    /// The `factory-host` helper. Default: `nil`, meaning the one next to the running executable.
    public var hostPath: String?
    /// Deadline of a worker's start with `create`, and of `health` (a released instance's worker is ended, not asked to `destroy`). Default: 10 s.
    public var callTimeout: Duration = .seconds(10)
    /// Deadline of a `plan` call (an objective may ask for less). Default: 300 s.
    public var planTimeout: Duration = .seconds(300)
    /// Live worker processes at most. Default: 8.
    public var maxWorkers = 8
    /// An idle worker exits after this long. Default: 60 s.
    public var workerIdle: Duration = .seconds(60)
    /// Address-space limit of each worker, in bytes. Default: 4 GiB.
    public var workerMemory = 4 << 30
    /// Whether every plan for a PDDL task is validated before it is returned (an invalid plan is
    /// a fault of its planner). Default: on; `factory plan --no-validate` turns it off.
    public var validatesPlans = true
    /// Whether workers and probes run without a PID namespace (the fallback of README "Isolation");
    /// `FACTORY_NO_NAMESPACE=1` in the factory's environment sets it, to try that fallback.
    public var forcesNoNamespace = ProcessEnvironment.current()["FACTORY_NO_NAMESPACE"] == "1"
    /// Records kept in each telemetry ring buffer. Default: 1000.
    public var telemetryCapacity = 1000
    /// Least match ratio for a planner to be selectable, 0…1. Default: 1 (every required capability).
    public var minimumMatch = 1.0
    /// Where state is kept. Default: `$XDG_STATE_HOME/planner-factory`, else
    /// `$HOME/.local/state/planner-factory`, else `/tmp/planner-factory-<uid>`.
    public var stateDirectory: String
    /// How long a write to the state folder waits for another process's lock on a record. Default: 10 s.
    public var lockTimeout: Duration = .seconds(10)
    /// Whether the factory publishes its live events on a socket in `<state>/live/` from its
    /// creation (`PlannerFactory.startPublishing`). Default: `false` (`factory-tui`: `true`).
    public var publishes = false
    /// Where each value came from; keys not present are defaults.
    public private(set) var sources: [ConfigurationKey: ConfigurationSource] = [:]

    /// The defaults, with the state folder derived from `environment` (`XDG_STATE_HOME`, `HOME`).
    public init(defaultsFor environment: [String: String] = [:]) {
        stateDirectory = Self.defaultStateDirectory(environment: environment)
    }

    /// Reads every `FACTORY_*` key from an environment dictionary over the defaults.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) for the first malformed value.
    public init(environment: [String: String]) throws(FactoryError) {
        self.init(defaultsFor: environment)
        for key in ConfigurationKey.all {
            if let value = environment[key.environmentName] {
                try set(key, from: value, source: .environment)
            }
        }
    }

    /// Applies overrides (from flags), parsed exactly as environment values are.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the flag.
    public mutating func apply(_ overrides: [ConfigurationKey: String]) throws(FactoryError) {
        for key in ConfigurationKey.all {
            if let value = overrides[key] {
                try set(key, from: value, source: .flag)
            }
        }
    }

    /// Where the value of `key` came from.
    public func source(of key: ConfigurationKey) -> ConfigurationSource {
        sources[key] ?? .default
    }

    private mutating func set(_ key: ConfigurationKey, from text: String, source: ConfigurationSource) throws(FactoryError) {
        let name = source == .flag ? key.flag : key.environmentName
        let parser = ConfigurationValueParser(key: key, name: name, text: text)
        switch key {
        case .pluginPath: pluginPath = parser.paths()
        case .deepFingerprint: isDeepFingerprint = try parser.boolean()
        case .sandbox: isSandboxEnabled = try parser.boolean()
        case .sandboxTimeout: sandboxTimeout = try parser.seconds(maximum: 3600)
        case .probePath: probePath = try parser.path()
        case .maxCopyBytes: maxCopyBytes = try parser.byteSize(in: (1 << 20)...(1 << 40))
        case .maxFailures: maxFailures = try parser.integer(in: 1...1000)
        case .telemetryCapacity: telemetryCapacity = try parser.integer(in: 1...10_000_000)
        case .minimumMatch: minimumMatch = try parser.number(in: 0...1)
        case .stateDirectory: stateDirectory = try parser.path()
        case .lockTimeout: lockTimeout = try parser.seconds(maximum: 3600)
        case .isolation: isolation = try parser.isolation()
        case .hostPath: hostPath = try parser.path()
        case .callTimeout: callTimeout = try parser.seconds(maximum: 86_400)
        case .planTimeout: planTimeout = try parser.seconds(maximum: 86_400)
        case .maxWorkers: maxWorkers = try parser.integer(in: 1...1024)
        case .workerIdle: workerIdle = try parser.seconds(maximum: 86_400)
        case .workerMemory: workerMemory = try parser.byteSize(in: (64 << 20)...(1 << 40))
        case .publish: publishes = try parser.boolean()
        default: return
        }
        sources[key] = source
    }

    static func defaultStateDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return xdg + "/planner-factory"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home == "/" ? "" : home) + "/.local/state/planner-factory"
        }
        return "/tmp/planner-factory-\(currentUserID())"
    }
}

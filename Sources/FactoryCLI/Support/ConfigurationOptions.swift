import ArgumentParser
import PlannerFactory

/// The configuration flags every command takes (and `factory-tui`); each overrides its
/// `FACTORY_*` variable. A numeric flag takes the next argument as its value whatever it looks
/// like (`parsing: .unconditional`), so `--min-match -1` is refused for its value, not taken
/// for a missing one.
public struct ConfigurationOptions: ParsableArguments {
    public init() {}

    @Option(name: .customLong("plugin-path"), help: "Folders of plugin bundles, ':'-separated (FACTORY_PLUGIN_PATH).")
    var pluginPath: String?

    @Flag(name: .customLong("deep-fingerprint"), inversion: .prefixedNo,
          help: "Fingerprint every file of a bundle (FACTORY_DEEP_FINGERPRINT).")
    var deepFingerprint: Bool?

    @Flag(name: .customLong("sandbox"), inversion: .prefixedNo,
          help: "Probe plugin code in a child process before loading it (FACTORY_SANDBOX).")
    var sandbox: Bool?

    @Option(name: .customLong("sandbox-timeout"), parsing: .unconditional, help: "Probe deadline in seconds (FACTORY_SANDBOX_TIMEOUT).")
    var sandboxTimeout: String?

    @Option(name: .customLong("probe-path"), help: "The factory-probe helper (FACTORY_PROBE_PATH); default: next to factory.")
    var probePath: String?

    @Option(name: .customLong("max-copy-bytes"), parsing: .unconditional, help: "Most bytes of library files copied for one bundle, e.g. 1G (FACTORY_MAX_COPY_BYTES).")
    var maxCopyBytes: String?

    @Option(name: .customLong("max-failures"), parsing: .unconditional, help: "Faults in a row before quarantine (FACTORY_MAX_FAILURES).")
    var maxFailures: String?

    @Option(name: .customLong("telemetry-capacity"), parsing: .unconditional, help: "Records kept per telemetry ring buffer (FACTORY_TELEMETRY_CAPACITY).")
    var telemetryCapacity: String?

    @Option(name: .customLong("min-match"), parsing: .unconditional, help: "Least match ratio 0…1 to be selectable (FACTORY_MIN_MATCH).")
    var minMatch: String?

    @Option(name: .customLong("state-dir"), help: "Where state is kept (FACTORY_STATE_DIR).")
    var stateDir: String?

    @Option(name: .customLong("lock-timeout"), parsing: .unconditional, help: "Seconds a write to the state folder waits for another process's lock (FACTORY_LOCK_TIMEOUT).")
    var lockTimeout: String?

    @Option(name: .customLong("isolation"), help: "Where plugin code runs: process or in-process (FACTORY_ISOLATION).")
    var isolation: String?

    @Option(name: .customLong("host-path"), help: "The factory-host worker helper (FACTORY_HOST_PATH); default: next to factory.")
    var hostPath: String?

    @Option(name: .customLong("call-timeout"), parsing: .unconditional, help: "Deadline of start+create, health and destroy, in seconds (FACTORY_CALL_TIMEOUT).")
    var callTimeout: String?

    @Option(name: .customLong("plan-timeout"), parsing: .unconditional, help: "Deadline of a plan call in seconds (FACTORY_PLAN_TIMEOUT).")
    var planTimeout: String?

    @Option(name: .customLong("max-workers"), parsing: .unconditional, help: "Live worker processes at most (FACTORY_MAX_WORKERS).")
    var maxWorkers: String?

    @Option(name: .customLong("worker-idle"), parsing: .unconditional, help: "Seconds before an idle worker exits (FACTORY_WORKER_IDLE).")
    var workerIdle: String?

    @Option(name: .customLong("worker-memory"), parsing: .unconditional, help: "Address-space limit of a worker, e.g. 4G (FACTORY_WORKER_MEMORY).")
    var workerMemory: String?

    @Flag(name: .customLong("publish"), inversion: .prefixedNo,
          help: "Publish live events for factory ps and telemetry --follow (FACTORY_PUBLISH).")
    var publish: Bool?

    /// The flags given, as configuration overrides.
    var overrides: [ConfigurationKey: String] {
        var overrides: [ConfigurationKey: String] = [:]
        overrides[.pluginPath] = pluginPath
        overrides[.deepFingerprint] = deepFingerprint.map { $0 ? "1" : "0" }
        overrides[.sandbox] = sandbox.map { $0 ? "1" : "0" }
        overrides[.sandboxTimeout] = sandboxTimeout
        overrides[.probePath] = probePath
        overrides[.maxCopyBytes] = maxCopyBytes
        overrides[.maxFailures] = maxFailures
        overrides[.telemetryCapacity] = telemetryCapacity
        overrides[.minimumMatch] = minMatch
        overrides[.stateDirectory] = stateDir
        overrides[.lockTimeout] = lockTimeout
        overrides[.isolation] = isolation
        overrides[.hostPath] = hostPath
        overrides[.callTimeout] = callTimeout
        overrides[.planTimeout] = planTimeout
        overrides[.maxWorkers] = maxWorkers
        overrides[.workerIdle] = workerIdle
        overrides[.workerMemory] = workerMemory
        overrides[.publish] = publish.map { $0 ? "1" : "0" }
        return overrides
    }

    /// The environment's configuration with these flags applied.
    public func configuration(environment: [String: String] = ProcessEnvironment.current()) throws(FactoryError) -> FactoryConfiguration {
        var configuration = try FactoryConfiguration(environment: environment)
        try configuration.apply(overrides)
        return configuration
    }
}

/// `--json` and the configuration flags, shared by every command.
struct CommonOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Flag(name: .customLong("no-probe"), help: "Do not probe pending plugins before answering; they stay pending.")
    var noProbe = false

    @OptionGroup(title: "Configuration")
    var configuration: ConfigurationOptions
}

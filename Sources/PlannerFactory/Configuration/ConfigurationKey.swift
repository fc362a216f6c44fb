/// One configuration setting: its environment variable, its command-line flag, what it accepts.
///
/// Extensible: later subsystems add keys as static members.
public struct ConfigurationKey: Hashable, Sendable, CustomStringConvertible {
    /// The environment variable, e.g. `FACTORY_MIN_MATCH`.
    public let environmentName: String
    /// The command-line flag, e.g. `--min-match`.
    public let flag: String
    /// The accepted form, for error messages and docs, e.g. "a number from 0 to 1".
    public let accepted: String
    /// One line about the setting.
    public let summary: String

    public var description: String { environmentName }

    public static func == (lhs: ConfigurationKey, rhs: ConfigurationKey) -> Bool {
        lhs.environmentName == rhs.environmentName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(environmentName)
    }

    /// `FACTORY_PLUGIN_PATH`: folders whose sub-folders are plugin bundles, colon-separated like `PATH`.
    public static let pluginPath = ConfigurationKey(
        environmentName: "FACTORY_PLUGIN_PATH", flag: "--plugin-path",
        accepted: "folder paths separated by ':'",
        summary: "Folders whose immediate sub-folders are plugin bundles, searched in order.")
    /// `FACTORY_DEEP_FINGERPRINT`: fingerprint every file of a bundle, not just its manifest and entry file.
    public static let deepFingerprint = ConfigurationKey(
        environmentName: "FACTORY_DEEP_FINGERPRINT", flag: "--deep-fingerprint",
        accepted: Self.booleanForm,
        summary: "Fingerprint every file in a bundle (slower) instead of the manifest and entry file.")
    /// `FACTORY_SANDBOX`: probe plugin code in a child process before loading it.
    public static let sandbox = ConfigurationKey(
        environmentName: "FACTORY_SANDBOX", flag: "--sandbox",
        accepted: Self.booleanForm,
        summary: "Probe plugin code in a sandboxed child process before loading it. Off is unsafe.")
    /// `FACTORY_SANDBOX_TIMEOUT`: the probe deadline in seconds.
    public static let sandboxTimeout = ConfigurationKey(
        environmentName: "FACTORY_SANDBOX_TIMEOUT", flag: "--sandbox-timeout",
        accepted: "a number of seconds from 0.01 to 3600 in plain decimals, e.g. 2 or 0.5",
        summary: "Deadline of one sandbox probe, in seconds.")
    /// `FACTORY_TELEMETRY_CAPACITY`: how many selections and instantiations the ring buffers keep.
    public static let telemetryCapacity = ConfigurationKey(
        environmentName: "FACTORY_TELEMETRY_CAPACITY", flag: "--telemetry-capacity",
        accepted: "a whole number from 1 to 10000000 (digits only)",
        summary: "Records kept in each telemetry ring buffer; the oldest are evicted.")
    /// `FACTORY_MIN_MATCH`: the least match ratio a planner needs to be selectable.
    public static let minimumMatch = ConfigurationKey(
        environmentName: "FACTORY_MIN_MATCH", flag: "--min-match",
        accepted: "a number from 0 to 1 in plain decimals, e.g. 0.5",
        summary: "Least share of the required capabilities a planner must have to be selectable.")
    /// `FACTORY_STATE_DIR`: where probe results, quarantine and logs are kept.
    public static let stateDirectory = ConfigurationKey(
        environmentName: "FACTORY_STATE_DIR", flag: "--state-dir",
        accepted: "a folder path",
        summary: "Where probe results, quarantine records and logs are kept.")

    /// `FACTORY_PROBE_PATH`: the `factory-probe` helper; by default the one next to the running executable.
    public static let probePath = ConfigurationKey(
        environmentName: "FACTORY_PROBE_PATH", flag: "--probe-path",
        accepted: "the path of the factory-probe executable",
        summary: "The sandbox probe helper; by default factory-probe next to the running executable.")

    /// `FACTORY_MAX_FAILURES`: consecutive faults (failed creations, crashes, exits, protocol
    /// errors, timeouts at the configured deadline) after which a plugin is quarantined.
    public static let maxFailures = ConfigurationKey(
        environmentName: "FACTORY_MAX_FAILURES", flag: "--max-failures",
        accepted: "a whole number from 1 to 1000 (digits only)",
        summary: "Consecutive faults of a plugin (failed creations, crashes, exits, protocol errors, timeouts) after which it is quarantined.")

    /// Every key, in documentation order.
    public static let all: [ConfigurationKey] = [
        .pluginPath, .deepFingerprint, .sandbox, .sandboxTimeout, .probePath, .maxCopyBytes, .maxFailures, .telemetryCapacity,
        .minimumMatch, .stateDirectory, .lockTimeout, .isolation, .hostPath, .callTimeout, .planTimeout, .maxWorkers, .workerIdle,
        .workerMemory, .publish,
    ]

    static let booleanForm = "1/0, true/false, on/off or yes/no"
}

/// Where a configuration value came from.
public enum ConfigurationSource: String, Sendable, Hashable {
    /// The documented default.
    case `default`
    /// A `FACTORY_*` environment variable.
    case environment
    /// A command-line flag (or an explicit override in code).
    case flag
}

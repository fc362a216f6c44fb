import PlannerKit

extension FactoryConfiguration {
    /// One key of a configuration dump.
    public struct Entry: Sendable, Hashable {
        /// The environment variable.
        public var key: String
        /// The command-line flag.
        public var flag: String
        /// The value in effect, as text.
        public var value: String
        /// Where it came from.
        public var source: ConfigurationSource
    }

    /// Every key with its value and where it came from, in documentation order.
    public func dump() -> [Entry] {
        ConfigurationKey.all.map { key in
            Entry(key: key.environmentName, flag: key.flag, value: text(of: key), source: source(of: key))
        }
    }

    /// The dump as a dictionary: environment variable → value as text.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: dump().map { ($0.key, $0.value) })
    }

    /// The dump as JSON: `{"FACTORY_MIN_MATCH": {"value": …, "source": "default", "flag": "--min-match"}, …}`.
    /// Values are typed: numbers, Booleans, and the plugin path as an array.
    public var json: JSONValue {
        var members: [String: JSONValue] = [:]
        for key in ConfigurationKey.all {
            members[key.environmentName] = [
                "value": typedValue(of: key),
                "source": .string(source(of: key).rawValue),
                "flag": .string(key.flag),
            ]
        }
        return .object(members)
    }

    /// The value of `key` as text, in the form the environment accepts.
    public func text(of key: ConfigurationKey) -> String {
        switch key {
        case .pluginPath: pluginPath.joined(separator: ":")
        case .deepFingerprint: isDeepFingerprint ? "1" : "0"
        case .sandbox: isSandboxEnabled ? "1" : "0"
        case .sandboxTimeout: JSONValue.format(sandboxTimeout.seconds)
        case .probePath: probePath ?? ""
        case .maxCopyBytes: Self.byteSizeText(maxCopyBytes)
        case .maxFailures: String(maxFailures)
        case .telemetryCapacity: String(telemetryCapacity)
        case .minimumMatch: JSONValue.format(minimumMatch)
        case .stateDirectory: stateDirectory
        case .lockTimeout: JSONValue.format(lockTimeout.seconds)
        case .isolation: isolation.description
        case .hostPath: hostPath ?? ""
        case .callTimeout: JSONValue.format(callTimeout.seconds)
        case .planTimeout: JSONValue.format(planTimeout.seconds)
        case .maxWorkers: String(maxWorkers)
        case .workerIdle: JSONValue.format(workerIdle.seconds)
        case .workerMemory: Self.byteSizeText(workerMemory)
        case .publish: publishes ? "1" : "0"
        default: ""
        }
    }

    /// A byte count in the largest unit that divides it: "4G", "512M", "1000".
    static func byteSizeText(_ bytes: Int) -> String {
        for (shift, unit) in [(40, "T"), (30, "G"), (20, "M"), (10, "K")] where bytes > 0 && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return String(bytes)
    }

    private func typedValue(of key: ConfigurationKey) -> JSONValue {
        switch key {
        case .pluginPath: .array(pluginPath.map(JSONValue.string))
        case .deepFingerprint: .bool(isDeepFingerprint)
        case .sandbox: .bool(isSandboxEnabled)
        case .sandboxTimeout: .number(sandboxTimeout.seconds)
        case .probePath: probePath.map(JSONValue.string) ?? .null
        case .maxCopyBytes: .number(Double(maxCopyBytes))
        case .maxFailures: .number(Double(maxFailures))
        case .telemetryCapacity: .number(Double(telemetryCapacity))
        case .minimumMatch: .number(minimumMatch)
        case .stateDirectory: .string(stateDirectory)
        case .lockTimeout: .number(lockTimeout.seconds)
        case .isolation: .string(isolation.description)
        case .hostPath: hostPath.map(JSONValue.string) ?? .null
        case .callTimeout: .number(callTimeout.seconds)
        case .planTimeout: .number(planTimeout.seconds)
        case .maxWorkers: .number(Double(maxWorkers))
        case .workerIdle: .number(workerIdle.seconds)
        case .workerMemory: .number(Double(workerMemory))
        case .publish: .bool(publishes)
        default: .null
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

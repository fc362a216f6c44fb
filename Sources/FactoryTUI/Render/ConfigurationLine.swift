import PlannerFactory
import PlannerKit

/// The configuration in effect in one line, for the header: sandbox, isolation, fingerprints,
/// plugin path ("sandbox on, 2.0s · isolated workers · fast fingerprints · plugins: examples/plugins").
public enum ConfigurationLine {
    /// The line for a configuration; plugin folders under `currentFolder` are shown relative to it.
    public static func text(_ configuration: FactoryConfiguration, currentFolder: String) -> String {
        text(isSandboxEnabled: configuration.isSandboxEnabled, sandboxTimeout: configuration.sandboxTimeout.seconds,
             isolation: configuration.isolation.description, isDeep: configuration.isDeepFingerprint,
             pluginPath: configuration.pluginPath, currentFolder: currentFolder)
    }

    /// The line for a configuration as JSON (`FactoryConfiguration.json`, in a live snapshot).
    public static func text(_ configuration: [String: JSONValue]) -> String {
        func value(_ key: ConfigurationKey) -> JSONValue? { configuration[key.environmentName]?["value"] }
        return text(
            isSandboxEnabled: value(.sandbox)?.boolValue ?? true, sandboxTimeout: value(.sandboxTimeout)?.numberValue ?? 0,
            isolation: value(.isolation)?.stringValue ?? "?", isDeep: value(.deepFingerprint)?.boolValue ?? false,
            pluginPath: value(.pluginPath)?.arrayValue?.compactMap(\.stringValue) ?? [], currentFolder: nil)
    }

    private static func text(isSandboxEnabled: Bool, sandboxTimeout: Double, isolation: String, isDeep: Bool, pluginPath: [String],
                             currentFolder: String?) -> String {
        let folder = currentFolder.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let paths = pluginPath.map { path in
            guard let folder, path.hasPrefix(folder) else { return path }
            return String(path.dropFirst(folder.count))
        }
        let sandbox = isSandboxEnabled ? "sandbox on, \(Format.fixed(sandboxTimeout, 1))s" : "SANDBOX OFF (unsafe)"
        let placement = isolation == Isolation.inProcess.description ? "IN-PROCESS plugins" : "isolated workers"
        return "\(sandbox) · \(placement) · \(isDeep ? "deep" : "fast") fingerprints · plugins: \(paths.isEmpty ? "none" : paths.joined(separator: ":"))"
    }
}

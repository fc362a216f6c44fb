#if canImport(Glibc)
import Glibc
#endif

/// Finds the `factory-probe` helper: `FACTORY_PROBE_PATH` / `--probe-path` when set, otherwise
/// the `factory-probe` beside the running executable.
public enum ProbeLocator {
    /// The helper's path.
    /// - Throws: `FactoryError` (`.sandboxImportError`) saying where it looked and how to point at it.
    public static func locate(_ configuration: FactoryConfiguration) throws(FactoryError) -> String {
        try locateHelper("factory-probe", configured: configuration.probePath, key: .probePath, role: "sandbox probe helper")
    }

    /// Finds the `factory-host` worker helper: `FACTORY_HOST_PATH` / `--host-path` when set,
    /// otherwise the `factory-host` beside the running executable.
    /// - Throws: `FactoryError` (`.sandboxImportError`) saying where it looked and how to point at it.
    public static func locateHost(_ configuration: FactoryConfiguration) throws(FactoryError) -> String {
        try locateHelper("factory-host", configured: configuration.hostPath, key: .hostPath, role: "worker helper")
    }

    private static func locateHelper(_ name: String, configured: String?, key: ConfigurationKey, role: String) throws(FactoryError) -> String {
        let candidate: String
        if let configured {
            candidate = configured
        } else {
            guard let executable = currentExecutable() else {
                throw FactoryError(
                    .sandboxImportError,
                    "The \(role) cannot be found: the running executable's folder is unknown. Set \(key.environmentName) or \(key.flag) to the \(name) executable.")
            }
            candidate = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)]) + "/" + name
        }
        guard access(candidate, X_OK) == 0 else {
            let origin = configured == nil ? "next to the running executable" : "at \(key.environmentName) / \(key.flag)"
            throw FactoryError(
                .sandboxImportError,
                "The \(role) \(candidate) (looked for \(origin)) is missing or not executable; build it (swift build builds \(name)) or set \(key.environmentName).",
                context: ["path": candidate])
        }
        return candidate
    }

    /// `/proc/self/exe`, resolved.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return PathBytes.string(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) })
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Finds the `factory-probe` helper: `FACTORY_PROBE_PATH` / `--probe-path` when set, otherwise
/// the `factory-probe` beside the running executable.
public enum ProbeLocator {
    /// The helper's path.
    /// - Throws: `FactoryError` (`.sandboxImportError`) saying where it looked and how to point at it.
    public static func locate(_ configuration: FactoryConfiguration) throws(FactoryError) -> String {
        let candidate: String
        if let configured = configuration.probePath {
            candidate = configured
        } else {
            guard let executable = currentExecutable() else {
                throw FactoryError(
                    .sandboxImportError,
                    "The sandbox probe helper cannot be found: the running executable's folder is unknown. Set FACTORY_PROBE_PATH or --probe-path to the factory-probe executable.")
            }
            candidate = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)]) + "/factory-probe"
        }
        guard access(candidate, X_OK) == 0 else {
            let origin = configuration.probePath == nil ? "next to the running executable" : "at FACTORY_PROBE_PATH / --probe-path"
            throw FactoryError(
                .sandboxImportError,
                "The sandbox probe helper \(candidate) (looked for \(origin)) is missing or not executable; build it (swift build builds factory-probe) or set FACTORY_PROBE_PATH.",
                context: ["path": candidate])
        }
        return candidate
    }

    /// `/proc/self/exe`, resolved.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

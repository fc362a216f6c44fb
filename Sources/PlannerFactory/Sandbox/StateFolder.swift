#if canImport(Glibc)
import Glibc
#endif

/// The state folder (`FACTORY_STATE_DIR`): creating it, and errors that name it.
public enum StateFolder {
    /// Creates `path` and its missing parents (mode 0700), under its exact bytes (`PathBytes`).
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the folder when it cannot be made.
    public static func create(_ path: String) throws(FactoryError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST { throw failure(path, errno, "cannot create the folder \(partial)") }
        }
        if case .success(let status) = FileSystem.status(path), !status.isDirectory {
            throw failure(path, ENOTDIR, "\(path) is a file, not a folder")
        }
    }

    /// An error naming the state folder; `code` is the `errno` taken right after the failing call.
    static func failure(_ directory: String, _ code: Int32, _ what: String) -> FactoryError {
        let reason = String(cString: strerror(code))
        // Paths below the state folder are cut: a deeply nested one is kilobytes long.
        return FactoryError(
            .invalidConfiguration,
            "The state folder \(TerminalText.excerpt(directory, limit: 300)) is not usable: \(TerminalText.excerpt(what, limit: 300)) (\(reason)). Set FACTORY_STATE_DIR or --state-dir to a writable folder.",
            context: ["path": directory])
    }
}

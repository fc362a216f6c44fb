#if canImport(Glibc)
import Glibc
#endif

extension ExamplePlanners {
    /// The repository's `examples/plugins`, found in a folder above `executable` (the programs run
    /// from `.build/…`), for `factory-tui` and `agent-service` to show the bundled examples when no
    /// plugin path is configured; `nil` when there is none (an installed binary).
    public static func pluginFolder(above executable: String = "/proc/self/exe") -> String? {
        guard let resolved = realpath(executable, nil) else { return nil }
        var folder = String(cString: resolved)
        free(resolved)
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            let candidate = folder + "/examples/plugins"
            var status = stat()
            if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return candidate }
        }
        return nil
    }
}

/// Checks that a manifest's library path stays inside its bundle, first as text.
enum LibraryPath {
    /// Why `path` leaves the bundle or is unusable as text; `nil` when it is fine.
    static func textualProblem(_ path: String) -> String? {
        if path.utf8.contains(0) { return "contains a NUL byte" }
        if path.hasPrefix("/") { return "is absolute; it must be relative to the bundle folder" }
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return "leaves the bundle folder (through \"..\")" }
            default: depth += 1
            }
        }
        if depth == 0 { return "names the bundle folder itself, not a file in it" }
        return nil
    }
}

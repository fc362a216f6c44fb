/// Checks that a manifest's library path stays inside its bundle, first as text (over bytes).
enum LibraryPath {
    /// Why `path` leaves the bundle or is unusable as text; `nil` when it is fine.
    static func textualProblem(_ path: String) -> String? {
        let bytes = path.utf8
        if bytes.contains(0) { return "contains a NUL byte" }
        if bytes.first == UInt8(ascii: "/") { return "is absolute; it must be relative to the bundle folder" }
        if bytes.last == UInt8(ascii: "/") || path == "." || path.hasSuffix("/.") {
            return "ends with \"/\" or \"/.\"; it must name a file"
        }
        var depth = 0
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                depth -= 1
                if depth < 0 { return "leaves the bundle folder (through \"..\")" }
            } else {
                depth += 1
            }
        }
        if depth == 0 { return "names the bundle folder itself, not a file in it" }
        return nil
    }
}

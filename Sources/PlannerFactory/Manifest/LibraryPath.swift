/// Checks that a manifest's library path stays inside its bundle, first as text (one pass over
/// the bytes, no allocation). Components are bytes between `/` bytes, as the file system sees them.
enum LibraryPath {
    /// Why `path` leaves the bundle or is unusable as text; `nil` when it is fine.
    static func textualProblem(_ path: String) -> String? {
        textualProblem(utf8: path.utf8)
    }

    /// Why the path spelled by the UTF-8 `bytes` leaves the bundle or is unusable; `nil` when it is fine.
    static func textualProblem<Bytes: BidirectionalCollection<UInt8>>(utf8 bytes: Bytes) -> String? {
        if bytes.contains(0) { return "contains a NUL byte" }
        if bytes.first == UInt8(ascii: "/") { return "is absolute; it must be relative to the bundle folder" }
        if bytes.last == UInt8(ascii: "/") || bytes.elementsEqual(".".utf8) || bytes.reversed().starts(with: "./".utf8) {
            return "ends with \"/\" or \"/.\"; it must name a file"
        }
        var depth = 0
        var length = 0  // bytes in the current component
        var dots = 0  // dots in it while it has nothing else; -1 once it has
        func endComponent() -> Bool {
            defer { length = 0; dots = 0 }
            guard length > 0, dots != 1 else { return true }  // empty or "."
            if dots == 2 {
                depth -= 1
                return depth >= 0
            }
            depth += 1
            return true
        }
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if !endComponent() { return "leaves the bundle folder (through \"..\")" }
                continue
            }
            length += 1
            dots = byte == UInt8(ascii: ".") && dots >= 0 ? dots + 1 : -1
        }
        if !endComponent() { return "leaves the bundle folder (through \"..\")" }
        if depth == 0 { return "names the bundle folder itself, not a file in it" }
        return nil
    }
}

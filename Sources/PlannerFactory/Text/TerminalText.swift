/// Text from outside (a plugin's messages and standard error, names from manifests) made safe
/// for a terminal.
public enum TerminalText {
    /// `line` with C0 controls (but tab), DEL, C1 controls, bidirectional marks, overrides and
    /// isolates, and the Unicode line and paragraph separators written as `\xNN` / `\uNNNN`, so a plugin cannot move the cursor, recolour or
    /// reorder what a person reads. A path's bytes that are not UTF-8 (`PathBytes`) show as `\xNN` too.
    public static func escaped(_ line: some StringProtocol) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            if needsEscape(scalar) { result += escaped(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Whether `escaped(_:)` writes `scalar` in its visible form.
    @inlinable
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        case 0xEF80...0xEFFF: true  // a raw byte of a path (PathBytes.rawByte(of:))
        default: false
        }
    }

    /// The visible form of one scalar: `\xNN` for C0 controls, DEL and a path's raw bytes,
    /// `\uNNNN` for the others.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        if let byte = PathBytes.rawByte(of: scalar) { return "\\x" + String(byte, radix: 16) }
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x80 { return "\\x" + (scalar.value < 0x10 ? "0" : "") + hex }
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` escaped line by line: its line breaks stay, everything else as in `escaped(_:)`.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(escaped).joined(separator: "\n")
    }
}

/// Text from outside (a plugin's messages and standard error, names from manifests) made safe
/// for a terminal.
public enum TerminalText {
    /// `line` with C0 controls (but tab), DEL, C1 controls, bidirectional marks, overrides and
    /// isolates, and the Unicode line and paragraph separators written as `\xNN` / `\uNNNN`, so a plugin cannot move the cursor, recolour or
    /// reorder what a person reads.
    public static func escaped(_ line: some StringProtocol) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09: result.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F:
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` escaped line by line: its line breaks stay, everything else as in `escaped(_:)`.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(escaped).joined(separator: "\n")
    }
}

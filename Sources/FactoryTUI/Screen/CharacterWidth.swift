import PlannerFactory

/// How many terminal columns a character takes: 0 for combining marks and controls, 2 for East
/// Asian wide and full-width characters and emoji presentation, else 1. (A compact form of
/// `wcwidth`, independent of the locale so that tests and renders are deterministic.)
public enum CharacterWidth {
    /// A character with a control, a bidirectional mark or a line separator takes the columns of
    /// its escaped form (`\x1b` is 4), as `CellGrid.put` writes it; a tab takes one (a space).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if needsEscape(character) {
            return character.unicodeScalars.reduce(0) { $0 + (TerminalText.needsEscape($1) ? TerminalText.escaped($1).count : of($1) == 1 ? 1 : 0) }
        }
        if character == "\t" { return 1 }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// Whether `character` holds a scalar `TerminalText` escapes. Such scalars are grapheme
    /// clusters of their own (Grapheme_Cluster_Break=Control, or CR LF), so printable ASCII first
    /// means none.
    @inlinable
    public static func needsEscape(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return (first.value < 0x20 || first.value >= 0x7F) && character.unicodeScalars.contains(where: TerminalText.needsEscape)
    }

    /// Columns of a whole string.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

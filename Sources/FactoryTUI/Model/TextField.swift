/// A one-line text field with a cursor, kept as the text before and after the cursor, so that
/// characters that merge into one grapheme (a combining accent, a flag's second half) can never
/// leave the cursor outside the text.
public struct TextField: Sendable, Hashable {
    private var before: String
    private var after: String

    public init(_ text: String = "") {
        before = text
        after = ""
    }

    public var text: String { before + after }

    /// Applies an editing key; returns whether the text changed.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character) where !character.isNewline:
            before.append(character)
            return true
        case .backspace where !before.isEmpty:
            before.removeLast()
            return true
        case .delete where !after.isEmpty:
            after.removeFirst()
            return true
        case .control("u"):
            let changed = !before.isEmpty || !after.isEmpty
            (before, after) = ("", "")
            return changed
        case .left where !before.isEmpty:
            after.insert(before.removeLast(), at: after.startIndex)
        case .right where !after.isEmpty:
            before.append(after.removeFirst())
        case .home, .control("a"):
            (before, after) = ("", before + after)
        case .end, .control("e"):
            (before, after) = (before + after, "")
        default: break
        }
        return false
    }

    /// The columns before the cursor.
    public var cursorColumn: Int {
        CharacterWidth.of(before)
    }
}

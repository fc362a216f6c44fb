/// A one-line text field with a cursor (a position in characters).
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns whether the text changed.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character) where !character.isNewline:
            text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
            return true
        case .backspace where cursor > 0:
            cursor -= 1
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            return true
        case .delete where cursor < text.count:
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            return true
        case .control("u"):
            let changed = !text.isEmpty
            text = ""
            cursor = 0
            return changed
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        default: break
        }
        return false
    }

    /// The columns before the cursor.
    public var cursorColumn: Int {
        CharacterWidth.of(String(text.prefix(cursor)))
    }
}

/// One terminal cell: a character (a whole grapheme) and its style. A double-width character
/// occupies its cell and a `continuation` cell to its right.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown; a space for blank cells; empty for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a double-width character.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

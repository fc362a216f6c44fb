import PlannerFactory

/// A screen's worth of cells, rendered by the pure renderer and copied to the terminal by the
/// backend. Writing clips at the grid's edges and at a given width, and never splits a
/// double-width character.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), at most `limit` columns (to the right edge by default). Characters
    /// that would not fit whole are left out; a tab becomes a space, and the other controls,
    /// bidirectional marks and line separators are shown escaped (`\x1b`, `\u202e`), so text from
    /// outside can neither reach the terminal raw nor vanish without a trace.
    /// - Returns: the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            if CharacterWidth.needsEscape(character) {
                guard let after = putEscaped(character, x: column, y: y, end: end, style: style) else { break }
                column = after
                continue
            }
            if character == "\t" {
                guard column < end else { break }
                if column >= 0 { self[column, y] = Cell(" ", style) }
                column += 1
                continue
            }
            let columns = CharacterWidth.of(character)
            if columns == 0 { continue }
            guard column + columns <= end else { break }
            if column >= 0 {
                self[column, y] = Cell(String(character), style)
                if columns == 2 { self[column + 1, y] = Cell("", style) }
            }
            column += columns
        }
        return column
    }

    /// Writes `character`'s scalars, those that need it in their escaped form, one column each.
    /// - Returns: the column after, or `nil` when it does not fit whole before `end`.
    private mutating func putEscaped(_ character: Character, x: Int, y: Int, end: Int, style: Style) -> Int? {
        var text = ""
        for scalar in character.unicodeScalars {
            text += TerminalText.needsEscape(scalar) ? TerminalText.escaped(scalar) : CharacterWidth.of(scalar) == 1 ? String(scalar) : ""
        }
        guard x + text.unicodeScalars.count <= end else { return nil }
        var column = x
        for scalar in text.unicodeScalars {
            if column >= 0 { self[column, y] = Cell(String(scalar), style) }
            column += 1
        }
        return column
    }

    /// Fills a row segment with a character.
    public mutating func fill(_ character: Character = " ", x: Int, y: Int, count: Int, style: Style = .plain) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            self[column, y] = Cell(String(character), style)
        }
    }

    /// Applies `style` to a row segment, keeping the characters.
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            self[column, y].style = style
        }
    }

    /// The grid as plain text, one line per row, trailing spaces kept (for snapshot tests).
    public var text: String {
        (0..<height).map { row in
            (0..<width).map { self[$0, row].text }.joined()
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string cut to `columns` terminal columns, with "…" when it was cut.
    public func truncated(to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard CharacterWidth.of(self) > columns else { return self }
        var result = ""
        var used = 0
        for character in self {
            let width = CharacterWidth.of(character)
            if used + width > columns - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }

    /// The string padded with spaces (or cut) to exactly `columns` terminal columns.
    public func padded(to columns: Int) -> String {
        let cut = truncated(to: columns)
        return cut + String(repeating: " ", count: max(0, columns - CharacterWidth.of(cut)))
    }
}

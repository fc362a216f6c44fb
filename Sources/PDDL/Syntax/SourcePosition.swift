/// A place in PDDL text: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars from the start of the line (a tab counts as one column).
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a position.
    /// - Parameters:
    ///   - line: the line, from 1.
    ///   - column: the column, from 1.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions as they appear in the text.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line 12, column 5`.
    public var description: String { "line \(line), column \(column)" }
}

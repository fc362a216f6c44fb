/// Why a text is not valid JSON, with the line and column (both 1-based) where the parser stopped.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "expected ',' or '}' after an object member".
    public var message: String
    /// The 1-based line of the offending byte.
    public var line: Int
    /// The 1-based column (in bytes) of the offending byte.
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(message) at line \(line), column \(column)" }

    /// The 1-based line and column (in bytes) of the byte at `offset` in a document; a UTF-8 byte
    /// order mark at the start is not a column.
    public static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// `text` cut to its first 60 characters (then "…"), so a message never quotes a huge key or
    /// value.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : text.prefix(60) + "…"
    }
}

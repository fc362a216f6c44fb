/// Reads PDDL text into one ``SExpression`` list, lower-casing names and skipping `;` comments.
///
/// Works on UTF-8 bytes with an explicit stack (no recursion), so any text is read in one pass
/// and deep nesting cannot overflow the call stack: lists deeper than ``maximumDepth`` are an
/// error instead. Only ASCII letters are lower-cased; other characters are kept as they are.
///
/// ```swift
/// let tree = try SExpressionReader.read("(define (domain Blocks) ; a comment\n)")
/// // (define (domain blocks))
/// ```
public enum SExpressionReader {
    /// The deepest nesting of lists accepted (PDDL written by people rarely passes 30). The
    /// parsers, the feature scan, the validator and the model's own equality and release recurse
    /// over the tree, so this also bounds their stack use: 100 levels stay well inside a 512 KiB
    /// thread stack in a debug build under the thread sanitizer (1,000 did not).
    public static let maximumDepth = 100

    /// Reads exactly one parenthesized list, with only whitespace and comments around it.
    /// - Parameter text: PDDL text.
    /// - Returns: the list.
    /// - Throws: ``PDDLError/Code/syntax`` for an unclosed or stray parenthesis or text outside
    ///   the list, ``PDDLError/Code/nestingTooDeep`` past ``maximumDepth``.
    public static func read(_ text: String) throws(PDDLError) -> SExpression {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(PDDLError) -> SExpression in try read(bytes: bytes) }
        }
        return try result.get()
    }

    private struct Frame {
        var elements: [SExpression] = []
        let open: SourcePosition
    }

    private static func read(bytes: UnsafeBufferPointer<UInt8>) throws(PDDLError) -> SExpression {
        let count = bytes.count
        var stack: [Frame] = []
        stack.reserveCapacity(16)
        var result: SExpression?
        var index = 0
        var line = 1
        var column = 1
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:  // \n
                line += 1
                column = 1
                index += 1
            case 0x00...0x20:  // space, tab, \r and other control characters
                column += 1
                index += 1
            case 0x3B:  // ;
                while index < count && bytes[index] != 0x0A {
                    if bytes[index] & 0xC0 != 0x80 { column += 1 }
                    index += 1
                }
            case 0x28:  // (
                let position = SourcePosition(line: line, column: column)
                if let result { throw trailing(SExpression.summary(of: result.elements ?? []), at: position) }
                if stack.count >= maximumDepth {
                    throw PDDLError(.nestingTooDeep, "lists nest deeper than \(maximumDepth) levels", at: position)
                }
                stack.append(Frame(open: position))
                column += 1
                index += 1
            case 0x29:  // )
                let position = SourcePosition(line: line, column: column)
                guard let frame = stack.popLast() else {
                    throw PDDLError(.syntax, "unexpected ')' with no '(' open", at: position)
                }
                let list = SExpression.list(frame.elements, open: frame.open, close: position)
                if stack.isEmpty {
                    result = list
                } else {
                    stack[stack.count - 1].elements.append(list)
                }
                column += 1
                index += 1
            default:
                let position = SourcePosition(line: line, column: column)
                let start = index
                var hasUpper = false
                while index < count {
                    let byte = bytes[index]
                    if byte <= 0x20 || byte == 0x28 || byte == 0x29 || byte == 0x3B { break }
                    if byte &- 0x41 < 26 { hasUpper = true }
                    if byte & 0xC0 != 0x80 { column += 1 }
                    index += 1
                }
                let text = makeName(bytes, start, index, lowercasing: hasUpper)
                if stack.isEmpty {
                    if let result { throw trailing(SExpression.summary(of: result.elements ?? []), at: position) }
                    throw PDDLError(.syntax, "expected '(' to start the text, found '\(text)'", at: position)
                }
                stack[stack.count - 1].elements.append(.atom(text, position))
            }
        }
        if let frame = stack.last {
            throw PDDLError(
                .syntax,
                "expected ')' to close the \(SExpression.summary(of: frame.elements)) opened at \(frame.open), but the text ended",
                at: SourcePosition(line: line, column: column))
        }
        guard let result else {
            throw PDDLError(.syntax, "expected '(' to start the text, but the text is empty", at: SourcePosition(line: line, column: column))
        }
        return result
    }

    private static func trailing(_ summary: String, at position: SourcePosition) -> PDDLError {
        PDDLError(.syntax, "unexpected text after the end of the \(summary); only comments may follow it", at: position)
    }

    private static func makeName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercasing: Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !lowercasing { return String(decoding: slice, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for offset in 0..<slice.count {
                let byte = slice[offset]
                buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return slice.count
        }
    }
}

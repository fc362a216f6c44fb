/// Walks the elements of one list and makes the parse errors about it: what was expected,
/// where, and which list it is in.
struct ListCursor {
    let elements: [SExpression]
    let open: SourcePosition
    let close: SourcePosition
    /// The list as messages quote it: `(:action pick-up …` (made only for messages).
    var summary: String { SExpression.summary(of: elements) }
    private(set) var index: Int = 0

    /// A cursor over a list's elements; an atom is an error naming `what` the list should be.
    init(_ expression: SExpression, as what: @autoclosure () -> String) throws(PDDLError) {
        guard case .list(let elements, let open, let close) = expression else {
            throw ListCursor.unexpected(what(), found: expression)
        }
        self.elements = elements
        self.open = open
        self.close = close
    }

    var isAtEnd: Bool { index >= elements.count }

    func peek() -> SExpression? { isAtEnd ? nil : elements[index] }

    mutating func next() -> SExpression? {
        guard !isAtEnd else { return nil }
        defer { index += 1 }
        return elements[index]
    }

    /// The elements not read yet; reading them all.
    mutating func rest() -> ArraySlice<SExpression> {
        defer { index = elements.count }
        return elements[min(index, elements.count)...]
    }

    /// `expected X before the ')' that closes the (… opened at …`, at that `)`.
    func missing(_ what: String) -> PDDLError {
        PDDLError(.syntax, "expected \(what) before the ')' that closes the \(summary) opened at \(open)", at: close)
    }

    /// `expected X, found 'y'`, at the element found.
    static func unexpected(_ what: String, found: SExpression) -> PDDLError {
        PDDLError(.syntax, "expected \(what), found \(found.summary)", at: found.position)
    }

    /// The next element, which must be an atom.
    mutating func atom(_ what: String) throws(PDDLError) -> (text: String, position: SourcePosition) {
        guard let element = next() else { throw missing(what) }
        guard case .atom(let text, let position) = element else { throw Self.unexpected(what, found: element) }
        return (text, position)
    }

    /// The next element, which must be a list.
    mutating func list(_ what: String) throws(PDDLError) -> SExpression {
        guard let element = next() else { throw missing(what) }
        guard element.elements != nil else { throw Self.unexpected(what, found: element) }
        return element
    }

    /// The next element, whatever it is.
    mutating func any(_ what: String) throws(PDDLError) -> SExpression {
        guard let element = next() else { throw missing(what) }
        return element
    }

    /// Requires a keyword (`define`, `domain`) next.
    mutating func keyword(_ word: String) throws(PDDLError) {
        let (text, position) = try atom("'\(word)'")
        guard text == word else { throw PDDLError(.syntax, "expected '\(word)', found '\(text)'", at: position) }
    }

    /// Requires the end of the list.
    func end(after what: String) throws(PDDLError) {
        guard let element = peek() else { return }
        throw PDDLError(
            .syntax, "expected ')' to close the \(summary) opened at \(open) after \(what), found \(element.summary)",
            at: element.position)
    }
}

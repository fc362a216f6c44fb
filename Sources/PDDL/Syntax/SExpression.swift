/// A node of PDDL text as read by ``SExpressionReader``: a name (lower-cased) or a parenthesized
/// list, with where it stands in the text.
public enum SExpression: Hashable, Sendable, CustomStringConvertible {
    /// A name, keyword, variable or number, lower-cased (`pick-up`, `:action`, `?x`, `3`), and the
    /// position of its first character.
    case atom(String, SourcePosition)
    /// A list, the position of its `(` and the position of its `)`.
    case list([SExpression], open: SourcePosition, close: SourcePosition)

    /// Where the node starts: the atom's first character or the list's `(`.
    public var position: SourcePosition {
        switch self {
        case .atom(_, let position): position
        case .list(_, let open, _): open
        }
    }

    /// The atom's text, or `nil` for a list.
    public var atom: String? {
        if case .atom(let text, _) = self { return text }
        return nil
    }

    /// The list's elements, or `nil` for an atom.
    public var elements: [SExpression]? {
        if case .list(let elements, _, _) = self { return elements }
        return nil
    }

    /// The list's first element when it is an atom (`action` in `(action …)`), or `nil`.
    public var head: String? { elements?.first?.atom }

    /// The node in PDDL syntax, on one line: `(on ?x ?y)`.
    public var description: String {
        switch self {
        case .atom(let text, _): text
        case .list(let elements, _, _): "(" + elements.map(\.description).joined(separator: " ") + ")"
        }
    }

    /// A short quotation for messages: an atom as `'name'`, a list as its first two elements
    /// (short lists in full), `(:action pick-up …`, `(define (domain blocks) …`.
    public var summary: String {
        switch self {
        case .atom(let text, _): "'\(text)'"
        case .list(let elements, _, _): "'" + SExpression.summary(of: elements) + "'"
        }
    }

    /// The opening of a list for messages: `(:action pick-up …`, `(not (clear ?x) …`, or `()`.
    static func summary(of elements: [SExpression]) -> String {
        if elements.isEmpty { return "()" }
        var words: [String] = []
        for element in elements.prefix(2) {
            let text = element.description
            guard element.atom != nil || text.utf8.count <= 30 else { break }
            words.append(text)
        }
        if words.isEmpty { return "(( …" }
        if words.count == elements.count { return "(" + words.joined(separator: " ") + ")" }
        return "(" + words.joined(separator: " ") + " …"
    }
}

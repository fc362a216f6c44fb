/// Reads conditions (preconditions, goals, `when` conditions, derived bodies) into ``Formula``s.
///
/// Structure only: whether predicates, variables and objects exist is ``ReferenceChecker``'s job.
enum FormulaParser {
    /// The numeric comparison operators (besides `=`, which compares objects unless a side is a
    /// number or a function term).
    static let comparisons: Set<String> = ["<", "<=", ">", ">="]

    /// Reads a condition.
    /// - Parameters:
    ///   - expression: the condition's s-expression.
    ///   - context: what it is, for messages: `the precondition of action pick-up`.
    static func parse(_ expression: SExpression, context: String) throws(PDDLError) -> Formula {
        var cursor = try ListCursor(expression, as: "a condition in parentheses in \(context)")
        guard let first = cursor.next() else { return .empty }
        guard case .atom(let head, _) = first else {
            throw ListCursor.unexpected("a predicate or a connective such as 'and' in \(context)", found: first)
        }
        switch head {
        case "and", "or":
            var parts: [Formula] = []
            for part in cursor.rest() { parts.append(try parse(part, context: context)) }
            return head == "and" ? .and(parts) : .or(parts)
        case "not":
            let inner = try cursor.any("a condition after 'not'")
            try cursor.end(after: "the negated condition")
            return .not(try parse(inner, context: context))
        case "imply":
            let premise = try cursor.any("the premise of 'imply'")
            let conclusion = try cursor.any("the conclusion of 'imply'")
            try cursor.end(after: "the conclusion of 'imply'")
            return .imply(try parse(premise, context: context), try parse(conclusion, context: context))
        case "exists", "forall":
            let variables = try quantified(&cursor, keyword: head, context: context)
            let body = try cursor.any("the condition of '\(head)'")
            try cursor.end(after: "the condition of '\(head)'")
            let formula = try parse(body, context: context)
            return head == "exists" ? .exists(variables, formula) : .forall(variables, formula)
        case "=":
            let left = try cursor.any("a term after '='")
            let right = try cursor.any("a second term after '='")
            try cursor.end(after: "the two terms of '='")
            if let leftTerm = plainTerm(left), let rightTerm = plainTerm(right) {
                return .equality(leftTerm, rightTerm, expression.position)
            }
            return .numericComparison(expression)
        case _ where comparisons.contains(head):
            return .numericComparison(expression)
        default:
            return .atom(try atom(expression, context: context))
        }
    }

    /// The typed variables of a quantifier: `(?x - block ?y)`.
    static func quantified(_ cursor: inout ListCursor, keyword: String, context: String) throws(PDDLError) -> [TypedName] {
        let list = try cursor.list("the variable list of '\(keyword)', such as (?x - block)")
        return try TypedListParser.parse(list.elements?[...] ?? [], kind: .variables, context: "the variables of '\(keyword)' in \(context)")
    }

    /// An atom `(p t…)` whose arguments are variables or names.
    static func atom(_ expression: SExpression, context: String) throws(PDDLError) -> Atom {
        var cursor = try ListCursor(expression, as: "an atom in parentheses in \(context)")
        let (predicate, predicatePosition) = try cursor.atom("a predicate name in \(context)")
        guard predicate.utf8.first != UInt8(ascii: "?"), predicate.utf8.first != UInt8(ascii: ":") else {
            throw PDDLError(.syntax, "expected a predicate name in \(context), found '\(predicate)'", at: predicatePosition)
        }
        var arguments: [Term] = []
        arguments.reserveCapacity(cursor.elements.count - 1)
        while let element = cursor.next() {
            guard let term = plainTerm(element) else {
                throw ListCursor.unexpected("a variable or an object name as an argument of '\(predicate)' in \(context)", found: element)
            }
            arguments.append(term)
        }
        return Atom(predicate, arguments, at: expression.position)
    }

    /// A variable or an object name; `nil` for a list, a number or a keyword.
    static func plainTerm(_ element: SExpression) -> Term? {
        guard case .atom(let text, _) = element, let first = text.utf8.first else { return nil }
        if first == UInt8(ascii: "?") { return text.utf8.count > 1 ? .variable(String(text.dropFirst())) : nil }
        if first == UInt8(ascii: ":") || isNumber(text) { return nil }
        return .object(text)
    }

    /// Whether an atom is a number: `3`, `-2`, `0.5`.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        let startsLikeNumber = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        return startsLikeNumber && Double(text) != nil
    }
}

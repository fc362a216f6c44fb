/// Reads action effects into ``Effect``s.
enum EffectParser {
    /// The numeric effect operators other than `increase (total-cost)`.
    static let numericOperators: Set<String> = ["increase", "decrease", "assign", "scale-up", "scale-down"]

    /// Reads an effect.
    /// - Parameters:
    ///   - expression: the effect's s-expression.
    ///   - context: what it is, for messages: `the effect of action pick-up`.
    static func parse(_ expression: SExpression, context: String) throws(PDDLError) -> Effect {
        var cursor = try ListCursor(expression, as: "an effect in parentheses in \(context)")
        guard let first = cursor.next() else { return .empty }
        guard case .atom(let head, _) = first else {
            throw ListCursor.unexpected("a predicate or 'and', 'not', 'forall', 'when' in \(context)", found: first)
        }
        switch head {
        case "and":
            var parts: [Effect] = []
            for part in cursor.rest() { parts.append(try parse(part, context: context)) }
            return .and(parts)
        case "not":
            let inner = try cursor.list("an atom after 'not'")
            try cursor.end(after: "the deleted atom")
            return .delete(try FormulaParser.atom(inner, context: context))
        case "forall":
            let variables = try FormulaParser.quantified(&cursor, keyword: head, context: context)
            let body = try cursor.any("the effect of 'forall'")
            try cursor.end(after: "the effect of 'forall'")
            return .forall(variables, try parse(body, context: context))
        case "when":
            let condition = try cursor.any("the condition of 'when'")
            let effect = try cursor.any("the effect of 'when'")
            try cursor.end(after: "the effect of 'when'")
            return .when(try FormulaParser.parse(condition, context: context), try parse(effect, context: context))
        case _ where numericOperators.contains(head):
            let target = try cursor.any("a function term after '\(head)'")
            let amount = try cursor.any("an amount after the function term of '\(head)'")
            try cursor.end(after: "the amount of '\(head)'")
            if head == "increase", target.elements?.count == 1, target.head == FunctionDeclaration.totalCost,
               let cost = costAmount(amount) {
                return .increaseTotalCost(cost, expression.position)
            }
            return .numeric(expression)
        default:
            return .add(try FormulaParser.atom(expression, context: context))
        }
    }

    /// A non-negative number or a function term over plain terms; `nil` for anything else.
    static func costAmount(_ amount: SExpression) -> CostAmount? {
        switch amount {
        case .atom(let text, _):
            guard FormulaParser.isNumber(text), let value = Double(text), value >= 0, value.isFinite else { return nil }
            return .constant(value)
        case .list(let items, let open, _):
            guard let first = items.first, case .object(let name)? = FormulaParser.plainTerm(first) else { return nil }
            var arguments: [Term] = []
            for item in items.dropFirst() {
                guard let term = FormulaParser.plainTerm(item) else { return nil }
                arguments.append(term)
            }
            return .function(FunctionTerm(name, arguments, at: open))
        }
    }
}

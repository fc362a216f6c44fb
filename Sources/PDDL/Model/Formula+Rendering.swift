extension Term {
    /// The term with a bound variable replaced by its object.
    func rendered(with bindings: [String: String]) -> String {
        if case .variable(let name) = self, let object = bindings[name] { return object }
        return description
    }
}

extension Atom {
    /// The atom in PDDL syntax with bound variables replaced by their objects.
    func rendered(with bindings: [String: String]) -> String {
        if bindings.isEmpty { return description }
        return arguments.isEmpty
            ? "(\(predicate))" : "(\(predicate) " + arguments.map { $0.rendered(with: bindings) }.joined(separator: " ") + ")"
    }
}

extension Formula {
    /// The formula in PDDL syntax with bound variables replaced by their objects.
    func rendered(with bindings: [String: String]) -> String {
        switch self {
        case .atom(let atom): return atom.rendered(with: bindings)
        case .equality(let left, let right, _): return "(= \(left.rendered(with: bindings)) \(right.rendered(with: bindings)))"
        case .not(let formula): return "(not \(formula.rendered(with: bindings)))"
        case .and(let formulas): return "(and" + formulas.map { " " + $0.rendered(with: bindings) }.joined() + ")"
        case .or(let formulas): return "(or" + formulas.map { " " + $0.rendered(with: bindings) }.joined() + ")"
        case .imply(let premise, let conclusion):
            return "(imply \(premise.rendered(with: bindings)) \(conclusion.rendered(with: bindings)))"
        case .exists(let variables, let formula), .forall(let variables, let formula):
            let keyword = if case .exists = self { "exists" } else { "forall" }
            var inner = bindings
            for variable in variables { inner[variable.name] = nil }
            return "(\(keyword) (" + variables.map(\.variableDescription).joined(separator: " ") + ") \(formula.rendered(with: inner)))"
        case .numericComparison(let expression): return expression.description
        }
    }
}

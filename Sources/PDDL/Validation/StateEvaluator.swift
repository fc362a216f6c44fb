/// Evaluates conditions and effects in one state of a task (closed world: an atom not in the
/// state is false), with variables bound to objects.
struct StateEvaluator {
    let task: ParsedTask
    /// The true atoms.
    var state: Set<GroundAtom>
    /// The values of numeric functions from `:init`, keyed by the function applied to objects.
    let values: [GroundAtom: Double]

    /// What one action does: atoms it adds and deletes, and its cost.
    struct Outcome {
        var adds: [GroundAtom] = []
        var deletes: [GroundAtom] = []
        var cost: Double = 0
    }

    init(task: ParsedTask) {
        self.task = task
        var state = Set<GroundAtom>(minimumCapacity: task.problem.initialAtoms.count)
        for atom in task.problem.initialAtoms { state.insert(Self.ground(atom, [:])) }
        self.state = state
        var values: [GroundAtom: Double] = [:]
        for fact in task.problem.numericFacts {
            values[GroundAtom(fact.function.name, fact.function.arguments.map { Self.object($0, [:]) })] = fact.value
        }
        self.values = values
    }

    static func object(_ term: Term, _ bindings: [String: String]) -> String {
        switch term {
        case .object(let name): name
        case .variable(let name): bindings[name] ?? "?" + name
        }
    }

    static func ground(_ atom: Atom, _ bindings: [String: String]) -> GroundAtom {
        GroundAtom(atom.predicate, atom.arguments.map { object($0, bindings) })
    }

    /// Whether the condition holds. Numeric comparisons are never true (such tasks are not
    /// evaluated at all).
    func holds(_ formula: Formula, _ bindings: [String: String]) -> Bool {
        switch formula {
        case .atom(let atom): state.contains(Self.ground(atom, bindings))
        case .equality(let left, let right, _): Self.object(left, bindings) == Self.object(right, bindings)
        case .not(let inner): !holds(inner, bindings)
        case .and(let parts): parts.allSatisfy { holds($0, bindings) }
        case .or(let parts): parts.contains { holds($0, bindings) }
        case .imply(let premise, let conclusion): !holds(premise, bindings) || holds(conclusion, bindings)
        case .exists(let variables, let body): binding(variables[...], bindings) { holds(body, $0) } != nil
        case .forall(let variables, let body): binding(variables[...], bindings) { !holds(body, $0) } == nil
        case .numericComparison: false
        }
    }

    /// The first binding of the variables (over the objects of their types) that satisfies `test`.
    func binding(_ variables: ArraySlice<TypedName>, _ bindings: [String: String], where test: ([String: String]) -> Bool) -> [String: String]? {
        guard let variable = variables.first else { return test(bindings) ? bindings : nil }
        var extended = bindings
        for object in task.objects(of: variable.type) {
            extended[variable.name] = object
            if let found = binding(variables.dropFirst(), extended, where: test) { return found }
        }
        return nil
    }

    /// Why a false condition is false: `(clear b) is false`, naming the condition itself, or for
    /// `and` its first false part (recursively), for `forall` the body's reason for the first
    /// counterexample: `(ready b) is false (for ?x = b)`.
    func whyFalse(_ formula: Formula, _ bindings: [String: String]) -> String {
        switch formula {
        case .and(let parts):
            if let part = parts.first(where: { !holds($0, bindings) }) { return whyFalse(part, bindings) }
        case .forall(let variables, let body):
            if let counterexample = binding(variables[...], bindings, where: { !holds(body, $0) }) {
                let values = variables.map { "?\($0.name) = \(counterexample[$0.name] ?? "?")" }.joined(separator: ", ")
                return whyFalse(body, counterexample) + " (for \(values))"
            }
        default:
            break
        }
        return formula.rendered(with: bindings) + " is false"
    }

    /// The false parts of a false condition: for `and`, every false part (flattening nested
    /// `and`s); otherwise the condition itself.
    func falseParts(of formula: Formula, _ bindings: [String: String]) -> [String] {
        if case .and(let parts) = formula {
            return parts.filter { !holds($0, bindings) }.flatMap { falseParts(of: $0, bindings) }
        }
        return [formula.rendered(with: bindings)]
    }

    /// Collects what an effect does in this state (conditions are evaluated here, before the
    /// action). Returns the reason when a cost function has no value.
    func collect(_ effect: Effect, _ bindings: [String: String], into outcome: inout Outcome) -> String? {
        switch effect {
        case .add(let atom):
            outcome.adds.append(Self.ground(atom, bindings))
        case .delete(let atom):
            outcome.deletes.append(Self.ground(atom, bindings))
        case .and(let parts):
            for part in parts {
                if let failure = collect(part, bindings, into: &outcome) { return failure }
            }
        case .forall(let variables, let body):
            var all: [[String: String]] = []
            _ = binding(variables[...], bindings) { all.append($0); return false }
            for binding in all {
                if let failure = collect(body, binding, into: &outcome) { return failure }
            }
        case .when(let condition, let body):
            if holds(condition, bindings) { return collect(body, bindings, into: &outcome) }
        case .increaseTotalCost(.constant(let amount), _):
            outcome.cost += amount
        case .increaseTotalCost(.function(let term), _):
            let key = GroundAtom(term.name, term.arguments.map { Self.object($0, bindings) })
            guard let value = values[key] else { return "the cost \(key) has no value in (:init …)" }
            outcome.cost += value
        case .numeric:
            break
        }
        return nil
    }

    /// Applies an outcome: deletes first, then adds (an atom both deleted and added stays true).
    mutating func apply(_ outcome: Outcome) {
        for atom in outcome.deletes { state.remove(atom) }
        for atom in outcome.adds { state.insert(atom) }
    }
}

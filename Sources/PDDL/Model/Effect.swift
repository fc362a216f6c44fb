/// What an action does: atoms it adds and deletes, conditionally or for all objects, and its cost.
public indirect enum Effect: Hashable, Sendable, CustomStringConvertible {
    /// Makes an atom true.
    case add(Atom)
    /// `(not A)`: makes an atom false.
    case delete(Atom)
    /// `(and E…)`; `(and)` and `()` do nothing.
    case and([Effect])
    /// `(forall (vars) E)`: the effect for every binding of the variables.
    case forall([TypedName], Effect)
    /// `(when C E)`: the effect when the condition holds in the state before the action.
    case when(Formula, Effect)
    /// `(increase (total-cost) amount)`; the position of the `(`.
    case increaseTotalCost(CostAmount, SourcePosition)
    /// Any other numeric effect (`assign`, `increase`/`decrease` of another function,
    /// `scale-up`, `scale-down`, or a total-cost increase by something other than a
    /// non-negative number or a function term), kept as read: recognized, not evaluated.
    case numeric(SExpression)

    /// The empty effect, `(and)`.
    public static let empty = Effect.and([])

    /// The effect in PDDL syntax.
    public var description: String {
        switch self {
        case .add(let atom): atom.description
        case .delete(let atom): "(not \(atom))"
        case .and(let effects): "(and" + effects.map { " " + $0.description }.joined() + ")"
        case .forall(let variables, let effect):
            "(forall (" + variables.map(\.variableDescription).joined(separator: " ") + ") \(effect))"
        case .when(let condition, let effect): "(when \(condition) \(effect))"
        case .increaseTotalCost(let amount, _): "(increase (total-cost) \(amount))"
        case .numeric(let expression): expression.description
        }
    }
}

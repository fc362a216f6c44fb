/// An atom of a schema with its arguments resolved: a value `>= 0` is a variable slot of the
/// binding, a value `< 0` is the object `-(value + 1)`.
struct LiftedAtom: Sendable {
    var predicate: Int
    var arguments: [Int]

    /// The highest slot the atom uses, or -1 when it names only objects.
    var highestSlot: Int { arguments.max().map { max($0, -1) } ?? -1 }
}

/// A condition in negation normal form with variables resolved to slots.
indirect enum LiftedCondition: Sendable {
    case literal(LiftedAtom, isPositive: Bool)
    case equality(Int, Int, isPositive: Bool)
    case and([LiftedCondition])
    case or([LiftedCondition])
    /// Binds slots `firstSlot…` to each combination of objects from `domains`.
    case exists(firstSlot: Int, domains: [[Int]], LiftedCondition)
    case forall(firstSlot: Int, domains: [[Int]], LiftedCondition)
    case constant(Bool)

    /// The parts of a top-level conjunction.
    var conjuncts: [LiftedCondition] {
        if case .and(let parts) = self { return parts.flatMap(\.conjuncts) }
        return [self]
    }
}

/// A cost increase with variables resolved.
enum LiftedCost: Sendable {
    case constant(Double)
    /// A function's index and arguments (slots or objects, as in ``LiftedAtom``).
    case function(Int, [Int], description: String)
}

/// An effect with variables resolved to slots.
indirect enum LiftedEffect: Sendable {
    case add(LiftedAtom)
    case delete(LiftedAtom)
    case and([LiftedEffect])
    case forall(firstSlot: Int, domains: [[Int]], LiftedEffect)
    case when(LiftedCondition, LiftedEffect)
    case cost(LiftedCost)
}

/// An action schema ready for grounding.
struct LiftedSchema: Sendable {
    var name: String
    /// The objects each parameter may take, in parameter order.
    var parameterDomains: [[Int]]
    var precondition: LiftedCondition
    var effect: LiftedEffect
    /// The number of slots a binding needs (parameters and quantified variables).
    var slotCount: Int
    /// Top-level literals and equalities checked as soon as their highest slot is bound, per slot.
    var checks: [[LiftedCondition]]
    /// Whether `checks` cover the whole precondition (so the full check can be skipped).
    var checksCoverPrecondition: Bool
}

/// The verdict of ``PlanValidator`` on a plan.
public enum ValidationReport: Hashable, Sendable, CustomStringConvertible {
    /// Every step applies and the goal holds at the end; the plan's cost (see
    /// ``PlanValidator/validate(_:for:)`` for how it is counted).
    case valid(cost: Double)
    /// The plan is wrong: the 1-based step at fault (`nil` when every step applied but the goal
    /// is not reached) and a sentence naming the step and what is wrong:
    /// `step 3 (stack a b): precondition (clear b) is false`.
    case invalid(step: Int?, reason: String)
    /// The validator cannot decide: the task uses features it does not evaluate (derived
    /// predicates, numeric fluents, durative actions). Never a verdict against the plan.
    case unverified(reason: String)

    /// Whether the plan is valid.
    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    /// `valid plan, cost 12`, `invalid plan: step 3 (stack a b): …`, `unverified plan: …`.
    public var description: String {
        switch self {
        case .valid(let cost): "valid plan, cost \(NumberFormatting.text(cost))"
        case .invalid(_, let reason): "invalid plan: \(reason)"
        case .unverified(let reason): "unverified plan: \(reason)"
        }
    }
}

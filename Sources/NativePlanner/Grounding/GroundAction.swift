/// A ground action: preconditions, effects and cost over fact ids.
public struct GroundAction: Sendable {
    /// The step in PDDL syntax, `(pick-up a)`; empty for an artificial action.
    public var name: String
    /// Whether the grounder made this action up (to reach a disjunctive goal); plans omit it.
    public var isArtificial: Bool
    /// Facts that must be true.
    public var preconditions: [Int]
    /// Facts that must be false.
    public var negativePreconditions: [Int]
    /// Facts made true.
    public var addEffects: [Int]
    /// Facts made false (an atom both added and deleted stays true).
    public var deleteEffects: [Int]
    /// Effects that apply when their condition holds before the action.
    public var conditionalEffects: [ConditionalEffect]
    /// The cost: the sum of the `total-cost` increases, or 1 without costs.
    public var cost: Double

    /// Creates a ground action.
    public init(
        name: String, isArtificial: Bool = false, preconditions: [Int], negativePreconditions: [Int] = [],
        addEffects: [Int], deleteEffects: [Int], conditionalEffects: [ConditionalEffect] = [], cost: Double = 1
    ) {
        self.name = name
        self.isArtificial = isArtificial
        self.preconditions = preconditions
        self.negativePreconditions = negativePreconditions
        self.addEffects = addEffects
        self.deleteEffects = deleteEffects
        self.conditionalEffects = conditionalEffects
        self.cost = cost
    }
}

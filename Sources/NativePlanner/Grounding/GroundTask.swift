/// A task grounded into STRIPS form: facts are integer ids, actions lists of fact ids.
///
/// Made by ``Grounder``. Facts are the fluent atoms reachable in the delete relaxation (static
/// atoms are compiled away); the initial state lists the true facts.
public struct GroundTask: Sendable {
    /// Each fact's atom in PDDL syntax, `(on a b)`, indexed by fact id.
    public var facts: [String]
    /// The ground actions (an action with a disjunctive precondition may be split into several
    /// with the same name).
    public var actions: [GroundAction]
    /// The facts true initially, sorted.
    public var initialState: [Int]
    /// The facts the goal needs true.
    public var goal: [Int]
    /// The facts the goal needs false.
    public var negativeGoal: [Int]
    /// Whether the domain has action costs; when not, every action costs 1.
    public var hasCosts: Bool

    /// Creates a ground task.
    /// - Parameters:
    ///   - facts: the facts' names.
    ///   - actions: the actions.
    ///   - initialState: the true facts.
    ///   - goal: the facts that must be true.
    ///   - negativeGoal: the facts that must be false.
    ///   - hasCosts: whether costs come from `total-cost` increases.
    public init(facts: [String], actions: [GroundAction], initialState: [Int], goal: [Int], negativeGoal: [Int] = [], hasCosts: Bool) {
        self.facts = facts
        self.actions = actions
        self.initialState = initialState
        self.goal = goal
        self.negativeGoal = negativeGoal
        self.hasCosts = hasCosts
    }

    /// Whether any action has a conditional effect.
    public var hasConditionalEffects: Bool { actions.contains { !$0.conditionalEffects.isEmpty } }
}

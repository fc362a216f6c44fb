/// A PDDL language feature a task may use, named as a planner capability: `pddl:strips`,
/// `pddl:typing` … Extensible: adding a feature is not a breaking change.
///
/// Each feature lists the `:requirements` flags that declare it; composite flags declare several
/// (`:adl` declares everything from STRIPS to conditional effects; `:quantified-preconditions`
/// declares existential and universal preconditions).
public struct Feature: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name after `pddl:`: `negative-preconditions`.
    public let name: String
    /// The `:requirements` flags that declare this feature, lower-case with their colon.
    public let requirementFlags: [String]

    private init(_ name: String, _ flags: [String]) {
        self.name = name
        self.requirementFlags = flags
    }

    /// Actions with atoms as preconditions and effects (every task).
    public static let strips = Feature("strips", [":strips", ":adl"])
    /// Types other than `object`.
    public static let typing = Feature("typing", [":typing", ":adl"])
    /// Negated atoms in conditions.
    public static let negativePreconditions = Feature("negative-preconditions", [":negative-preconditions", ":adl"])
    /// `or`, `imply`, or a negated conjunction in conditions.
    public static let disjunctivePreconditions = Feature("disjunctive-preconditions", [":disjunctive-preconditions", ":adl"])
    /// `(= t1 t2)` between objects.
    public static let equality = Feature("equality", [":equality", ":adl"])
    /// `exists` in conditions.
    public static let existentialPreconditions = Feature(
        "existential-preconditions", [":existential-preconditions", ":quantified-preconditions", ":adl"])
    /// `forall` in conditions.
    public static let universalPreconditions = Feature(
        "universal-preconditions", [":universal-preconditions", ":quantified-preconditions", ":adl"])
    /// `when` in effects; `forall` in effects is counted here too.
    public static let conditionalEffects = Feature("conditional-effects", [":conditional-effects", ":adl"])
    /// `(increase (total-cost) …)` and `(:metric minimize (total-cost))`.
    public static let actionCosts = Feature("action-costs", [":action-costs"])
    /// `(:derived …)` predicates.
    public static let derivedPredicates = Feature("derived-predicates", [":derived-predicates"])
    /// Numeric functions beyond action costs: comparisons, `assign`, `decrease`, other metrics.
    public static let numericFluents = Feature("numeric-fluents", [":numeric-fluents", ":fluents"])
    /// `(:durative-action …)`.
    public static let durativeActions = Feature(
        "durative-actions", [":durative-actions", ":duration-inequalities", ":continuous-effects", ":timed-initial-literals"])

    /// Every feature, in the order above.
    public static let all: [Feature] = [
        .strips, .typing, .negativePreconditions, .disjunctivePreconditions, .equality, .existentialPreconditions,
        .universalPreconditions, .conditionalEffects, .actionCosts, .derivedPredicates, .numericFluents, .durativeActions,
    ]

    /// The capability every PDDL task requires.
    public static let pddlCapability = "pddl"

    /// The capability name: `pddl:negative-preconditions`.
    public var capability: String { Self.pddlCapability + ":" + name }

    /// The features a `:requirements` flag declares (empty for flags this module does not know).
    /// - Parameter flag: a flag, lower-case with its colon: `:adl`.
    public static func declared(by flag: String) -> [Feature] {
        all.filter { $0.requirementFlags.contains(flag) }
    }

    /// Orders by capability name.
    public static func < (lhs: Feature, rhs: Feature) -> Bool { lhs.name < rhs.name }

    /// The capability name.
    public var description: String { capability }
}

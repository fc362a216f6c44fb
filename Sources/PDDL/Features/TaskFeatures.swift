/// The PDDL features a task uses, as planner capabilities, and those its `:requirements` declare.
///
/// `used` comes from the task's body (actions, derived predicates, goal, metric), never from
/// `:requirements`: many public domains use features they do not declare, and a declared but
/// unused feature must not exclude a planner.
///
/// Conditions (preconditions, `when` conditions, derived bodies, the goal) are walked with their
/// polarity (`not` flips it, and so does the premise of `imply`), so `(not (not (p)))` is a
/// positive atom. Where syntax and meaning differ, the feature is reported, since a planner that
/// cannot even read a construct must not be chosen:
/// - ``Feature/strips``: always;
/// - ``Feature/typing``: any parameter, variable, constant, object or predicate argument whose
///   type is not `object`;
/// - ``Feature/negativePreconditions``: a non-equality atom under negative polarity;
/// - ``Feature/disjunctivePreconditions``: any `or` or `imply` (whatever its polarity), or an
///   `and` of two or more parts under negative polarity;
/// - ``Feature/existentialPreconditions`` (``Feature/universalPreconditions``): any `exists`
///   (`forall`) in a condition, and a `forall` (`exists`) under negative polarity;
/// - ``Feature/equality``: any `(= t1 t2)` between objects, negated or not;
/// - ``Feature/conditionalEffects``: any `when`, and any `forall` in an effect (as Fast Downward
///   treats it: there is no separate universal-effects capability);
/// - ``Feature/actionCosts``: `(increase (total-cost) …)` or `(:metric minimize (total-cost))`;
///   functions used only as cost amounts, like `(road-length ?a ?b)`, are part of action costs;
/// - ``Feature/numericFluents``: numeric comparisons, any other numeric effect, another metric;
/// - ``Feature/derivedPredicates``, ``Feature/durativeActions``: any `:derived`, `:durative-action`.
///
/// ```swift
/// TaskFeatures(task).capabilities   // ["pddl", "pddl:negative-preconditions", "pddl:strips"]
/// ```
public struct TaskFeatures: Hashable, Sendable, CustomStringConvertible {
    /// The features the task uses; always includes ``Feature/strips``.
    public let used: Set<Feature>
    /// The features the domain's and problem's `:requirements` declare (`:strips` when neither
    /// has any flag, as PDDL says).
    public let declared: Set<Feature>
    /// Requirement flags that declare no feature known here (`:constraints`, `:preferences` …).
    public let unknownRequirements: [String]

    /// Computes the features of a task.
    /// - Parameter task: a checked task.
    public init(_ task: ParsedTask) {
        used = FeatureScanner(task).used
        let flags = task.domain.requirements + task.problem.requirements
        var declared: Set<Feature> = flags.isEmpty ? [.strips] : []
        var unknown: [String] = []
        for flag in flags {
            let features = Feature.declared(by: flag)
            if features.isEmpty && !unknown.contains(flag) { unknown.append(flag) }
            declared.formUnion(features)
        }
        self.declared = declared
        self.unknownRequirements = unknown
    }

    /// The capabilities a planner needs for this task: `pddl` and the used features' capability
    /// names, sorted: `["pddl", "pddl:strips", "pddl:typing"]`.
    public var capabilities: [String] {
        [Feature.pddlCapability] + used.map(\.capability).sorted()
    }

    /// Features declared in `:requirements` that the task does not use, sorted.
    public var declaredButUnused: [Feature] { declared.subtracting(used).sorted() }

    /// Features the task uses without declaring them, sorted.
    public var usedButUndeclared: [Feature] { used.subtracting(declared).sorted() }

    /// `uses pddl:strips, pddl:typing; declared but unused: pddl:equality`.
    public var description: String {
        var text = "uses " + used.sorted().map(\.capability).joined(separator: ", ")
        let unused = declaredButUnused
        if !unused.isEmpty { text += "; declared but unused: " + unused.map(\.capability).joined(separator: ", ") }
        return text
    }
}

/// A PDDL problem: its objects, initial state, goal and metric.
///
/// Made by ``PDDLParser/parseProblem(_:)``, which checks its syntax only; ``ParsedTask/init(domain:problem:)``
/// checks it against its domain.
public struct Problem: Hashable, Sendable {
    /// The problem's name, lower-cased.
    public var name: String
    /// The name in `(:domain …)`.
    public var domainName: String
    /// Where the domain's name stands in `(:domain …)`.
    public var domainNamePosition: SourcePosition
    /// The problem's own `:requirements` flags, if any.
    public var requirements: [String]
    /// The `:objects`.
    public var objects: [TypedName]
    /// The atoms of `:init` (ground: every argument is an object).
    public var initialAtoms: [Atom]
    /// The numeric values of `:init`: `(= (total-cost) 0)`, `(= (road-length a b) 3)`.
    public var numericFacts: [NumericFact]
    /// The `:goal`.
    public var goal: Formula
    /// The `:metric`, if any.
    public var metric: Metric?

    /// Creates a problem.
    /// - Parameters:
    ///   - name: the name.
    ///   - domainName: the domain it is for.
    ///   - domainNamePosition: where that name stands.
    ///   - requirements: the requirement flags.
    ///   - objects: the objects.
    ///   - initialAtoms: the true atoms of the initial state.
    ///   - numericFacts: the initial numeric values.
    ///   - goal: the goal.
    ///   - metric: the metric.
    public init(
        name: String, domainName: String, domainNamePosition: SourcePosition = SourcePosition(line: 0, column: 0),
        requirements: [String] = [], objects: [TypedName] = [], initialAtoms: [Atom] = [], numericFacts: [NumericFact] = [],
        goal: Formula = .empty, metric: Metric? = nil
    ) {
        self.name = name
        self.domainName = domainName
        self.domainNamePosition = domainNamePosition
        self.requirements = requirements
        self.objects = objects
        self.initialAtoms = initialAtoms
        self.numericFacts = numericFacts
        self.goal = goal
        self.metric = metric
    }
}

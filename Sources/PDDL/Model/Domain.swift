/// A PDDL domain: its types, constants, predicates, functions, actions and derived predicates.
///
/// Made by ``PDDLParser/parseDomain(_:)``, which has checked every reference in it.
public struct Domain: Hashable, Sendable {
    /// The domain's name, lower-cased.
    public var name: String
    /// The `:requirements` flags as written, lower-cased with their colon: `[":strips", ":typing"]`.
    public var requirements: [String]
    /// The types.
    public var types: TypeHierarchy
    /// The `:constants`.
    public var constants: [TypedName]
    /// The `:predicates`, in order.
    public var predicates: [Predicate]
    /// The `:functions`, in order.
    public var functions: [FunctionDeclaration]
    /// The `:action`s, in order.
    public var actions: [Action]
    /// The `:derived` predicates, in order.
    public var derivedPredicates: [DerivedPredicate]
    /// The `:durative-action`s, in order (recognized, not modelled).
    public var durativeActions: [DurativeAction]

    /// Creates a domain.
    /// - Parameters:
    ///   - name: the name.
    ///   - requirements: the requirement flags.
    ///   - types: the type hierarchy.
    ///   - constants: the constants.
    ///   - predicates: the predicates.
    ///   - functions: the numeric functions.
    ///   - actions: the action schemas.
    ///   - derivedPredicates: the derived predicate rules.
    ///   - durativeActions: the durative actions.
    public init(
        name: String, requirements: [String] = [], types: TypeHierarchy = TypeHierarchy(), constants: [TypedName] = [],
        predicates: [Predicate] = [], functions: [FunctionDeclaration] = [], actions: [Action] = [],
        derivedPredicates: [DerivedPredicate] = [], durativeActions: [DurativeAction] = []
    ) {
        self.name = name
        self.requirements = requirements
        self.types = types
        self.constants = constants
        self.predicates = predicates
        self.functions = functions
        self.actions = actions
        self.derivedPredicates = derivedPredicates
        self.durativeActions = durativeActions
    }

    /// The predicate of that name, if declared.
    /// - Parameter name: a lower-case name.
    public func predicate(named name: String) -> Predicate? { predicates.first { $0.name == name } }

    /// The action of that name, if declared.
    /// - Parameter name: a lower-case name.
    public func action(named name: String) -> Action? { actions.first { $0.name == name } }

    /// The function of that name, if declared.
    /// - Parameter name: a lower-case name.
    public func function(named name: String) -> FunctionDeclaration? { functions.first { $0.name == name } }
}

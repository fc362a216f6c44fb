/// A derived predicate: `(:derived (above ?x ?y) (or (on ?x ?y) (exists (?z) …)))`. Parsed and
/// checked; its atoms hold where the body holds (the validator does not evaluate them).
public struct DerivedPredicate: Hashable, Sendable {
    /// The derived predicate's name (declared in `:predicates`).
    public var predicate: String
    /// The head's variables (without `?`), with their types.
    public var parameters: [TypedName]
    /// The body.
    public var body: Formula
    /// Where `(:derived` stands.
    public var position: SourcePosition

    /// Creates a derived predicate rule.
    /// - Parameters:
    ///   - predicate: the predicate's name.
    ///   - parameters: the head's typed variables.
    ///   - body: the condition.
    ///   - position: where `(:derived` stands.
    public init(_ predicate: String, parameters: [TypedName], body: Formula, at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.predicate = predicate
        self.parameters = parameters
        self.body = body
        self.position = position
    }
}

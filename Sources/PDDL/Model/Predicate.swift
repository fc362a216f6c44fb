/// A predicate declared in `(:predicates …)`: `(on ?x - block ?y - block)`.
public struct Predicate: Hashable, Sendable, CustomStringConvertible {
    /// The predicate's name.
    public var name: String
    /// Its parameters, with their types.
    public var parameters: [TypedName]
    /// Where its declaration's `(` stands.
    public var position: SourcePosition

    /// Creates a predicate declaration.
    /// - Parameters:
    ///   - name: the name.
    ///   - parameters: the typed parameters.
    ///   - position: where the declaration's `(` stands.
    public init(_ name: String, _ parameters: [TypedName], at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name
        self.parameters = parameters
        self.position = position
    }

    /// `(on ?x - block ?y - block)`.
    public var description: String {
        parameters.isEmpty ? "(\(name))" : "(\(name) " + parameters.map(\.variableDescription).joined(separator: " ") + ")"
    }
}

/// A predicate applied to terms, `(on ?x b)`, as written in a condition, an effect or `:init`.
public struct Atom: Hashable, Sendable, CustomStringConvertible {
    /// The predicate's name.
    public var predicate: String
    /// The arguments, in order.
    public var arguments: [Term]
    /// Where the atom's `(` stands.
    public var position: SourcePosition

    /// Creates an atom.
    /// - Parameters:
    ///   - predicate: the predicate's name.
    ///   - arguments: the arguments.
    ///   - position: where its `(` stands.
    public init(_ predicate: String, _ arguments: [Term], at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.predicate = predicate
        self.arguments = arguments
        self.position = position
    }

    /// `(on ?x b)`.
    public var description: String {
        arguments.isEmpty ? "(\(predicate))" : "(\(predicate) " + arguments.map(\.description).joined(separator: " ") + ")"
    }
}

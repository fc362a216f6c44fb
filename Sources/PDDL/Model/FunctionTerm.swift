/// A numeric function applied to terms: `(road-length ?from ?to)`, `(total-cost)`.
public struct FunctionTerm: Hashable, Sendable, CustomStringConvertible {
    /// The function's name.
    public var name: String
    /// The arguments.
    public var arguments: [Term]
    /// Where the `(` stands.
    public var position: SourcePosition

    /// Creates a function term.
    /// - Parameters:
    ///   - name: the function's name.
    ///   - arguments: the arguments.
    ///   - position: where its `(` stands.
    public init(_ name: String, _ arguments: [Term], at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name
        self.arguments = arguments
        self.position = position
    }

    /// `(road-length ?from ?to)`.
    public var description: String {
        arguments.isEmpty ? "(\(name))" : "(\(name) " + arguments.map(\.description).joined(separator: " ") + ")"
    }
}

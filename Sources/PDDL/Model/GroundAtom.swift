/// A predicate applied to objects, `(on a b)`: a fact of a state.
public struct GroundAtom: Hashable, Sendable, CustomStringConvertible {
    /// The predicate's name.
    public var predicate: String
    /// The objects, in order.
    public var arguments: [String]

    /// Creates a ground atom.
    /// - Parameters:
    ///   - predicate: the predicate's name.
    ///   - arguments: the objects.
    public init(_ predicate: String, _ arguments: [String]) {
        self.predicate = predicate
        self.arguments = arguments
    }

    /// `(on a b)`.
    public var description: String {
        arguments.isEmpty ? "(\(predicate))" : "(\(predicate) " + arguments.joined(separator: " ") + ")"
    }
}

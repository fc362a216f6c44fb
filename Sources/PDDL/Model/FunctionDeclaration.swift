/// A numeric function declared in `(:functions …)`: `(road-length ?a ?b - location) - number`.
public struct FunctionDeclaration: Hashable, Sendable {
    /// The function's name (`total-cost` for action costs).
    public var name: String
    /// Its parameters, with their types.
    public var parameters: [TypedName]
    /// Its value type: `number` unless declared otherwise.
    public var type: String
    /// Where the declaration's `(` stands.
    public var position: SourcePosition

    /// The function of action costs.
    public static let totalCost = "total-cost"

    /// Creates a function declaration.
    /// - Parameters:
    ///   - name: the name.
    ///   - parameters: the typed parameters.
    ///   - type: the value type (`number`).
    ///   - position: where the declaration's `(` stands.
    public init(_ name: String, _ parameters: [TypedName], type: String = "number", at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name
        self.parameters = parameters
        self.type = type
        self.position = position
    }
}

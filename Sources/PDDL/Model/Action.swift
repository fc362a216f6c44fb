/// An action schema: `(:action name :parameters (…) :precondition … :effect …)`.
public struct Action: Hashable, Sendable {
    /// The action's name.
    public var name: String
    /// Its parameters (variables without `?`), with their types.
    public var parameters: [TypedName]
    /// Its precondition; ``Formula/empty`` when absent.
    public var precondition: Formula
    /// Its effect; ``Effect/empty`` when absent.
    public var effect: Effect
    /// Where `(:action` stands.
    public var position: SourcePosition

    /// Creates an action schema.
    /// - Parameters:
    ///   - name: the name.
    ///   - parameters: the typed parameters.
    ///   - precondition: the precondition.
    ///   - effect: the effect.
    ///   - position: where `(:action` stands.
    public init(_ name: String, parameters: [TypedName], precondition: Formula = .empty, effect: Effect = .empty, at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name
        self.parameters = parameters
        self.precondition = precondition
        self.effect = effect
        self.position = position
    }
}

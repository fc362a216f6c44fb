/// A `(:durative-action …)`: recognized and kept as read (temporal planning is not modelled).
public struct DurativeAction: Hashable, Sendable {
    /// The action's name.
    public var name: String
    /// The whole section as read.
    public var body: SExpression

    /// Creates a durative action record.
    /// - Parameters:
    ///   - name: the name.
    ///   - body: the section as read.
    public init(_ name: String, body: SExpression) {
        self.name = name
        self.body = body
    }

    /// Where `(:durative-action` stands.
    public var position: SourcePosition { body.position }
}

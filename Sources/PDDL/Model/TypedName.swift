/// A name with its type, as in typed lists: a parameter `?x - block` (the name is stored without
/// its `?`), an object `a - block`, a type `truck - vehicle`.
public struct TypedName: Hashable, Sendable, CustomStringConvertible {
    /// The name (variables without their `?`).
    public var name: String
    /// Its type; ``TypeSpec/object`` when the list gives none.
    public var type: TypeSpec
    /// Where the name stands.
    public var position: SourcePosition

    /// Creates a typed name.
    /// - Parameters:
    ///   - name: the name, without `?` for variables.
    ///   - type: its type.
    ///   - position: where it stands.
    public init(_ name: String, _ type: TypeSpec = .object, at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name
        self.type = type
        self.position = position
    }

    /// `a - block` (or `a` when the type is `object`).
    public var description: String { type.isObject ? name : "\(name) - \(type)" }

    /// `?x - block` (or `?x`): the name as a variable.
    var variableDescription: String { type.isObject ? "?" + name : "?\(name) - \(type)" }
}

/// The type of a typed name: one type (`block`) or a union (`(either truck plane)`).
public struct TypeSpec: Hashable, Sendable, CustomStringConvertible {
    /// The types of the union; one name for a plain type.
    public var names: [String]

    /// Creates a type from its names.
    /// - Parameter names: one name, or several for `either`.
    public init(_ names: [String]) { self.names = names }

    /// Creates a plain type.
    /// - Parameter name: the type's name.
    public init(_ name: String) { self.names = [name] }

    /// The root type, `object`, of every untyped name.
    public static let object = TypeSpec(TypeHierarchy.object)

    /// Whether this is `object`.
    public var isObject: Bool { names == [TypeHierarchy.object] }

    /// Whether this is an `either` union.
    public var isEither: Bool { names.count > 1 }

    /// `block` or `(either truck plane)`.
    public var description: String {
        isEither ? "(either " + names.joined(separator: " ") + ")" : names.first ?? TypeHierarchy.object
    }
}

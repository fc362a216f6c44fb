/// An argument of an atom: a variable (`?x`, stored without the `?`) or the name of an object or
/// constant.
public enum Term: Hashable, Sendable, CustomStringConvertible {
    /// A variable, named without its `?`: `.variable("x")` is `?x`.
    case variable(String)
    /// An object or constant, by name.
    case object(String)

    /// `?x` or `a`.
    public var description: String {
        switch self {
        case .variable(let name): "?" + name
        case .object(let name): name
        }
    }
}

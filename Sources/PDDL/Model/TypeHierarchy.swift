/// The types of a domain and their parents, rooted at `object`.
///
/// Built from `(:types …)`: `truck plane - vehicle` makes both subtypes of `vehicle`; a type may
/// have several parents (on several lines, or `a - (either b c)`); untyped names are subtypes of
/// `object`. A parent that is never declared on its own is declared implicitly (under `object`).
public struct TypeHierarchy: Hashable, Sendable {
    /// The root of every hierarchy.
    public static let object = "object"

    /// Every type, `object` first, then in order of first mention.
    public private(set) var types: [String] = [TypeHierarchy.object]
    /// The direct parents of each type (`object` has none).
    public private(set) var parents: [String: [String]] = [TypeHierarchy.object: []]
    /// Where each type was first declared (not for `object` or implicit parents).
    public private(set) var positions: [String: SourcePosition] = [:]

    /// A hierarchy with only `object`.
    public init() {}

    /// Builds the hierarchy from the typed list of `(:types …)`.
    /// - Parameter declarations: each type with its parent (or parents, for `either`).
    public init(_ declarations: [TypedName]) {
        for declaration in declarations {
            add(declaration.name, at: declaration.position)
            for parent in declaration.type.names {
                add(parent, at: nil)
                if parent != declaration.name && declaration.name != Self.object,
                   !(parents[declaration.name] ?? []).contains(parent) {
                    parents[declaration.name, default: []].append(parent)
                }
            }
        }
        for type in types where type != Self.object && (parents[type] ?? []).isEmpty {
            parents[type] = [Self.object]
        }
    }

    private mutating func add(_ type: String, at position: SourcePosition?) {
        if parents[type] == nil {
            parents[type] = []
            types.append(type)
        }
        if let position, positions[type] == nil { positions[type] = position }
    }

    /// Whether the hierarchy has this type (`object` always).
    /// - Parameter type: a type's name.
    public func contains(_ type: String) -> Bool { parents[type] != nil }

    /// The type and all its ancestors, each once, the type first (`object` included).
    /// - Parameter type: a declared type's name.
    /// - Returns: the ancestors, or just `[type]` for an unknown type.
    public func ancestors(of type: String) -> [String] {
        var result = [type]
        var seen: Set<String> = [type]
        var index = 0
        while index < result.count {
            for parent in parents[result[index]] ?? [] where seen.insert(parent).inserted {
                result.append(parent)
            }
            index += 1
        }
        return result
    }

    /// Whether `type` is `other` or one of its descendants.
    /// - Parameters:
    ///   - type: the type to test.
    ///   - other: the supposed ancestor.
    public func isSubtype(_ type: String, of other: String) -> Bool {
        other == Self.object || ancestors(of: type).contains(other)
    }
}

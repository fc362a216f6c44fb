/// Reads typed lists: `a b - block c - (either x y) d`, for parameters, objects, constants and types.
enum TypedListParser {
    /// Whether a list declares variables (`?x - block`) or names (`a - block`).
    enum Kind {
        case variables
        case names
    }

    /// Reads a typed list; untyped names at the end are `object`.
    /// - Parameters:
    ///   - elements: the list's elements.
    ///   - kind: variables or names.
    ///   - context: what the list is, for messages: `the parameters of action pick-up`.
    static func parse(_ elements: ArraySlice<SExpression>, kind: Kind, context: String) throws(PDDLError) -> [TypedName] {
        var result: [TypedName] = []
        result.reserveCapacity(elements.count)
        var untypedFrom = 0
        var index = elements.startIndex
        while index < elements.endIndex {
            let element = elements[index]
            guard case .atom(let text, let position) = element else {
                throw ListCursor.unexpected(kind == .variables ? "a variable such as ?x in \(context)" : "a name in \(context)", found: element)
            }
            if text == "-" {
                guard untypedFrom < result.count else {
                    throw PDDLError(.syntax, "expected a name before '-' in \(context)", at: position)
                }
                index += 1
                guard index < elements.endIndex else {
                    throw PDDLError(.syntax, "expected a type after '-' in \(context)", at: position)
                }
                let type = try typeSpec(elements[index], context: context)
                for position in untypedFrom..<result.count { result[position].type = type }
                untypedFrom = result.count
                index += 1
                continue
            }
            result.append(TypedName(try name(text, at: position, kind: kind, context: context), .object, at: position))
            index += 1
        }
        return result
    }

    /// A name or variable as declared (a variable without its `?`).
    static func name(_ text: String, at position: SourcePosition, kind: Kind, context: String) throws(PDDLError) -> String {
        switch kind {
        case .variables:
            guard text.utf8.first == UInt8(ascii: "?"), text.utf8.count > 1 else {
                throw PDDLError(.syntax, "expected a variable such as ?x in \(context), found '\(text)'", at: position)
            }
            return String(text.dropFirst())
        case .names:
            guard let first = text.utf8.first, first != UInt8(ascii: "?"), first != UInt8(ascii: ":") else {
                throw PDDLError(.syntax, "expected a name in \(context), found '\(text)'", at: position)
            }
            return text
        }
    }

    /// A type after `-`: a name or `(either a b …)`.
    static func typeSpec(_ element: SExpression, context: String) throws(PDDLError) -> TypeSpec {
        switch element {
        case .atom(let text, let position):
            return TypeSpec(try name(text, at: position, kind: .names, context: context))
        case .list(let items, _, _):
            guard items.first?.atom == "either", items.count > 1 else {
                throw ListCursor.unexpected("a type name or (either …) in \(context)", found: element)
            }
            var names: [String] = []
            for item in items.dropFirst() {
                guard case .atom(let text, let position) = item else {
                    throw ListCursor.unexpected("a type name in (either …) in \(context)", found: item)
                }
                names.append(try name(text, at: position, kind: .names, context: context))
            }
            return TypeSpec(names)
        }
    }
}

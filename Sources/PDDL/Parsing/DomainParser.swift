/// Reads `(define (domain …) …)` into a ``Domain`` (structure only; ``ReferenceChecker`` checks
/// the references).
enum DomainParser {
    /// The sections a domain may have.
    static let sections = [
        ":requirements", ":types", ":constants", ":predicates", ":functions", ":action", ":derived", ":durative-action",
    ]

    static func parse(_ root: SExpression) throws(PDDLError) -> Domain {
        var cursor = try ListCursor(root, as: "(define (domain …) …)")
        try cursor.keyword("define")
        var header = try ListCursor(try cursor.list("(domain NAME)"), as: "(domain NAME)")
        try header.keyword("domain")
        var domain = Domain(name: try header.atom("the domain's name").text)
        try header.end(after: "the domain's name")
        var typeDeclarations: [TypedName] = []
        while let element = cursor.next() {
            var section = try ListCursor(element, as: "a section such as (:predicates …)")
            let (keyword, position) = try section.atom("a section keyword such as :predicates")
            switch keyword {
            case ":requirements":
                domain.requirements += try requirements(&section)
            case ":types":
                typeDeclarations += try TypedListParser.parse(section.rest(), kind: .names, context: "(:types …)")
            case ":constants":
                domain.constants += try TypedListParser.parse(section.rest(), kind: .names, context: "(:constants …)")
            case ":predicates":
                while let declaration = section.next() {
                    var predicate = try ListCursor(declaration, as: "a predicate declaration such as (on ?x ?y) in (:predicates …)")
                    let name = try predicate.atom("a predicate name").text
                    let parameters = try TypedListParser.parse(predicate.rest(), kind: .variables, context: "the parameters of predicate '\(name)'")
                    domain.predicates.append(Predicate(name, parameters, at: declaration.position))
                }
            case ":functions":
                domain.functions += try functions(&section)
            case ":action":
                domain.actions.append(try action(&section, at: element.position))
            case ":derived":
                domain.derivedPredicates.append(try derived(&section, at: element.position))
            case ":durative-action":
                let name = try section.atom("the durative action's name").text
                domain.durativeActions.append(DurativeAction(name, body: element))
            default:
                throw PDDLError(
                    .unknownSection,
                    "unknown domain section '\(keyword)'; expected one of " + sections.joined(separator: ", "),
                    at: position)
            }
        }
        domain.types = TypeHierarchy(typeDeclarations)
        return domain
    }

    /// The flags of `(:requirements :strips :typing)`.
    static func requirements(_ section: inout ListCursor) throws(PDDLError) -> [String] {
        var flags: [String] = []
        while !section.isAtEnd {
            let (flag, position) = try section.atom("a requirement flag such as :strips")
            guard flag.utf8.first == UInt8(ascii: ":") else {
                throw PDDLError(.syntax, "expected a requirement flag such as :strips, found '\(flag)'", at: position)
            }
            flags.append(flag)
        }
        return flags
    }

    /// `(:functions (total-cost) - number (road-length ?a ?b - place) - number)`.
    static func functions(_ section: inout ListCursor) throws(PDDLError) -> [FunctionDeclaration] {
        var result: [FunctionDeclaration] = []
        var untypedFrom = 0
        while let element = section.next() {
            if case .atom("-", let position) = element {
                guard untypedFrom < result.count else {
                    throw PDDLError(.syntax, "expected a function declaration before '-' in (:functions …)", at: position)
                }
                let type = try section.atom("a type after '-' in (:functions …)").text
                for index in untypedFrom..<result.count { result[index].type = type }
                untypedFrom = result.count
                continue
            }
            var declaration = try ListCursor(element, as: "a function declaration such as (total-cost) in (:functions …)")
            let name = try declaration.atom("a function name").text
            let parameters = try TypedListParser.parse(declaration.rest(), kind: .variables, context: "the parameters of function '\(name)'")
            result.append(FunctionDeclaration(name, parameters, at: element.position))
        }
        return result
    }

    /// `(:action NAME :parameters (…) :precondition … :effect …)`.
    static func action(_ section: inout ListCursor, at position: SourcePosition) throws(PDDLError) -> Action {
        let name = try section.atom("the action's name").text
        var action = Action(name, parameters: [], at: position)
        while !section.isAtEnd {
            let (key, keyPosition) = try section.atom("':parameters', ':precondition' or ':effect' in action '\(name)'")
            switch key {
            case ":parameters":
                let list = try section.list("the parameter list of action '\(name)', such as (?x - block)")
                action.parameters = try TypedListParser.parse(list.elements?[...] ?? [], kind: .variables, context: "the parameters of action '\(name)'")
            case ":precondition":
                let body = try section.any("the precondition of action '\(name)'")
                action.precondition = try FormulaParser.parse(body, context: "the precondition of action '\(name)'")
            case ":effect":
                let body = try section.any("the effect of action '\(name)'")
                action.effect = try EffectParser.parse(body, context: "the effect of action '\(name)'")
            default:
                throw PDDLError(
                    .unknownSection, "unknown key '\(key)' in action '\(name)'; expected :parameters, :precondition or :effect",
                    at: keyPosition)
            }
        }
        return action
    }

    /// `(:derived (NAME ?x - t …) BODY)`.
    static func derived(_ section: inout ListCursor, at position: SourcePosition) throws(PDDLError) -> DerivedPredicate {
        var head = try ListCursor(try section.list("the derived predicate's head, such as (above ?x ?y)"), as: "")
        let name = try head.atom("the derived predicate's name").text
        let parameters = try TypedListParser.parse(head.rest(), kind: .variables, context: "the parameters of derived predicate '\(name)'")
        let body = try section.any("the body of derived predicate '\(name)'")
        try section.end(after: "the body of derived predicate '\(name)'")
        let formula = try FormulaParser.parse(body, context: "the body of derived predicate '\(name)'")
        return DerivedPredicate(name, parameters: parameters, body: formula, at: position)
    }
}

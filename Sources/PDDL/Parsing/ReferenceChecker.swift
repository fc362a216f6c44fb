/// Checks the references of a domain, or of a problem against its domain: every predicate,
/// function, type, object and variable used is declared, with the right number of arguments.
struct ReferenceChecker {
    let domain: Domain
    let predicates: [String: Predicate]
    let functions: [String: FunctionDeclaration]
    /// The constants, and for a problem its objects too.
    let names: Set<String>
    /// `"problem"` when checking a problem.
    let document: String?

    private init(domain: Domain, extraNames: [TypedName], document: String?) {
        self.domain = domain
        var predicates: [String: Predicate] = [:]
        for predicate in domain.predicates where predicates[predicate.name] == nil { predicates[predicate.name] = predicate }
        self.predicates = predicates
        var functions: [String: FunctionDeclaration] = [:]
        for function in domain.functions where functions[function.name] == nil { functions[function.name] = function }
        self.functions = functions
        var names = Set(domain.constants.map(\.name))
        for name in extraNames { names.insert(name.name) }
        self.names = names
        self.document = document
    }

    /// Checks a domain on its own.
    static func check(_ domain: Domain) throws(PDDLError) {
        let checker = ReferenceChecker(domain: domain, extraNames: [], document: nil)
        try checker.checkTypes(of: domain.constants) { "constant '\($0.name)'" }
        for predicate in domain.predicates {
            try checker.checkTypes(of: predicate.parameters) { "?\($0.name) of predicate '\(predicate.name)'" }
        }
        for function in domain.functions {
            try checker.checkTypes(of: function.parameters) { "?\($0.name) of function '\(function.name)'" }
        }
        for action in domain.actions {
            try checker.checkTypes(of: action.parameters) { "?\($0.name) of action '\(action.name)'" }
            let scope = Set(action.parameters.map(\.name))
            try checker.check(action.precondition, scope: scope, context: "the precondition of action '\(action.name)'")
            try checker.check(action.effect, scope: scope, context: "the effect of action '\(action.name)'")
        }
        for derived in domain.derivedPredicates {
            let context = "derived predicate '\(derived.predicate)'"
            guard let predicate = checker.predicates[derived.predicate] else {
                throw PDDLError(
                    .undefinedPredicate, "undefined predicate '\(derived.predicate)' in the head of (:derived …); declare it in (:predicates …)",
                    at: derived.position)
            }
            guard predicate.parameters.count == derived.parameters.count else {
                throw PDDLError(
                    .wrongArity,
                    "predicate '\(predicate.name)' takes \(arguments(predicate.parameters.count)), but the head of (:derived …) has \(derived.parameters.count)",
                    at: derived.position)
            }
            try checker.checkTypes(of: derived.parameters) { "?\($0.name) of \(context)" }
            try checker.check(derived.body, scope: Set(derived.parameters.map(\.name)), context: "the body of \(context)")
        }
    }

    /// Checks a problem against its domain.
    static func check(_ problem: Problem, against domain: Domain) throws(PDDLError) {
        let document = "problem"
        guard problem.domainName == domain.name else {
            throw PDDLError(
                .domainMismatch, "the problem is for domain '\(problem.domainName)', but the domain is named '\(domain.name)'",
                at: problem.domainNamePosition, in: document)
        }
        let checker = ReferenceChecker(domain: domain, extraNames: problem.objects, document: document)
        try checker.checkTypes(of: problem.objects) { "object '\($0.name)'" }
        for atom in problem.initialAtoms {
            try checker.check(atom, scope: [], context: "(:init …)")
        }
        for fact in problem.numericFacts {
            try checker.check(fact.function, scope: [], context: "(:init …)")
        }
        try checker.check(problem.goal, scope: [], context: "the goal")
    }

    static func arguments(_ count: Int) -> String { count == 1 ? "1 argument" : "\(count) arguments" }

    func error(_ code: PDDLError.Code, _ message: String, at position: SourcePosition) -> PDDLError {
        PDDLError(code, message, at: position, in: document)
    }

    func checkTypes(of names: [TypedName], what: (TypedName) -> String) throws(PDDLError) {
        for typed in names {
            for type in typed.type.names where !domain.types.contains(type) {
                let declared = domain.types.types.joined(separator: ", ")
                throw error(.undefinedType, "undefined type '\(type)' of \(what(typed)); the domain declares: \(declared)", at: typed.position)
            }
        }
    }

    func check(_ formula: Formula, scope: Set<String>, context: String) throws(PDDLError) {
        switch formula {
        case .atom(let atom):
            try check(atom, scope: scope, context: context)
        case .equality(let left, let right, let position):
            try check(left, in: formula.description, at: position, scope: scope, context: context)
            try check(right, in: formula.description, at: position, scope: scope, context: context)
        case .not(let inner):
            try check(inner, scope: scope, context: context)
        case .and(let parts), .or(let parts):
            for part in parts { try check(part, scope: scope, context: context) }
        case .imply(let premise, let conclusion):
            try check(premise, scope: scope, context: context)
            try check(conclusion, scope: scope, context: context)
        case .exists(let variables, let body), .forall(let variables, let body):
            try checkTypes(of: variables) { "?\($0.name) in \(context)" }
            try check(body, scope: scope.union(variables.map(\.name)), context: context)
        case .numericComparison:
            break
        }
    }

    func check(_ effect: Effect, scope: Set<String>, context: String) throws(PDDLError) {
        switch effect {
        case .add(let atom), .delete(let atom):
            try check(atom, scope: scope, context: context)
        case .and(let parts):
            for part in parts { try check(part, scope: scope, context: context) }
        case .forall(let variables, let body):
            try checkTypes(of: variables) { "?\($0.name) in \(context)" }
            try check(body, scope: scope.union(variables.map(\.name)), context: context)
        case .when(let condition, let body):
            try check(condition, scope: scope, context: context)
            try check(body, scope: scope, context: context)
        case .increaseTotalCost(let amount, let position):
            guard functions[FunctionDeclaration.totalCost] != nil else {
                throw error(.undefinedFunction, "undefined function 'total-cost'; declare it in (:functions (total-cost) - number)", at: position)
            }
            if case .function(let term) = amount { try check(term, scope: scope, context: context) }
        case .numeric:
            break
        }
    }

    func check(_ atom: Atom, scope: Set<String>, context: String) throws(PDDLError) {
        guard let predicate = predicates[atom.predicate] else {
            throw error(
                .undefinedPredicate,
                "undefined predicate '\(atom.predicate)' in \(atom) in \(context); the domain declares: "
                    + domain.predicates.map(\.name).joined(separator: ", "),
                at: atom.position)
        }
        try check(
            atom.arguments, of: "predicate '\(atom.predicate)'", expecting: predicate.parameters.count, in: atom.description,
            at: atom.position, scope: scope, context: context)
    }

    func check(_ term: FunctionTerm, scope: Set<String>, context: String) throws(PDDLError) {
        guard let function = functions[term.name] else {
            throw error(.undefinedFunction, "undefined function '\(term.name)' in \(term) in \(context); declare it in (:functions …)", at: term.position)
        }
        try check(
            term.arguments, of: "function '\(term.name)'", expecting: function.parameters.count, in: term.description,
            at: term.position, scope: scope, context: context)
    }

    /// Checks the number of arguments of a predicate or function, then each argument.
    func check(
        _ arguments: [Term], of what: @autoclosure () -> String, expecting count: Int, in quoted: @autoclosure () -> String,
        at position: SourcePosition, scope: Set<String>, context: String
    ) throws(PDDLError) {
        guard arguments.count == count else {
            throw error(
                .wrongArity, "\(what()) takes \(Self.arguments(count)), but \(quoted()) in \(context) gives \(arguments.count)", at: position)
        }
        for argument in arguments {
            try check(argument, in: quoted(), at: position, scope: scope, context: context)
        }
    }

    func check(_ term: Term, in quoted: @autoclosure () -> String, at position: SourcePosition, scope: Set<String>, context: String) throws(PDDLError) {
        switch term {
        case .variable(let name):
            guard scope.contains(name) else {
                let declared = scope.isEmpty ? "no variables are declared there" : "declared: " + scope.sorted().map { "?" + $0 }.joined(separator: ", ")
                throw error(.undeclaredVariable, "undeclared variable ?\(name) in \(quoted()) in \(context); \(declared)", at: position)
            }
        case .object(let name):
            guard names.contains(name) else {
                let hint = document == nil ? "declare it in (:constants …)" : "declare it in (:objects …) or the domain's (:constants …)"
                throw error(.undefinedObject, "undefined object '\(name)' in \(quoted()) in \(context); \(hint)", at: position)
            }
        }
    }
}

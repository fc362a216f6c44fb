/// Reads `(define (problem …) …)` into a ``Problem`` (structure only).
enum ProblemParser {
    /// The sections a problem may have.
    static let sections = [":domain", ":requirements", ":objects", ":init", ":goal", ":metric"]

    static func parse(_ root: SExpression) throws(PDDLError) -> Problem {
        var cursor = try ListCursor(root, as: "(define (problem …) …)")
        try cursor.keyword("define")
        var header = try ListCursor(try cursor.list("(problem NAME)"), as: "(problem NAME)")
        try header.keyword("problem")
        var problem = Problem(name: try header.atom("the problem's name").text, domainName: "")
        try header.end(after: "the problem's name")
        var hasDomain = false
        while let element = cursor.next() {
            var section = try ListCursor(element, as: "a section such as (:init …)")
            let (keyword, position) = try section.atom("a section keyword such as :init")
            switch keyword {
            case ":domain":
                (problem.domainName, problem.domainNamePosition) = try section.atom("the domain's name")
                try section.end(after: "the domain's name")
                hasDomain = true
            case ":requirements":
                problem.requirements += try DomainParser.requirements(&section)
            case ":objects":
                problem.objects += try TypedListParser.parse(section.rest(), kind: .names, context: "(:objects …)")
            case ":init":
                try initialState(&section, into: &problem)
            case ":goal":
                let goal = try section.any("the goal condition")
                try section.end(after: "the goal condition")
                problem.goal = try FormulaParser.parse(goal, context: "the goal")
            case ":metric":
                let (direction, directionPosition) = try section.atom("'minimize' or 'maximize'")
                guard let parsed = Metric.Direction(rawValue: direction) else {
                    throw PDDLError(.syntax, "expected 'minimize' or 'maximize', found '\(direction)'", at: directionPosition)
                }
                let expression = try section.any("the metric's expression, such as (total-cost)")
                try section.end(after: "the metric's expression")
                problem.metric = Metric(parsed, expression)
            default:
                throw PDDLError(
                    .unknownSection, "unknown problem section '\(keyword)'; expected one of " + sections.joined(separator: ", "),
                    at: position)
            }
        }
        guard hasDomain else { throw cursor.missing("(:domain NAME)") }
        return problem
    }

    /// `(:init (on a b) (= (total-cost) 0) (= (road-length a b) 3) …)`.
    static func initialState(_ section: inout ListCursor, into problem: inout Problem) throws(PDDLError) {
        problem.initialAtoms.reserveCapacity(problem.initialAtoms.count + section.elements.count)
        while let element = section.next() {
            guard case .list(let items, let open, _) = element else {
                throw ListCursor.unexpected("an atom such as (on a b) in (:init …)", found: element)
            }
            if items.first?.atom == "=" {
                problem.numericFacts.append(try numericFact(element, items: items, at: open))
                continue
            }
            let atom = try FormulaParser.atom(element, context: "(:init …)")
            for argument in atom.arguments {
                if case .variable(let name) = argument {
                    throw PDDLError(.syntax, "expected an object in (:init …), found the variable ?\(name) in \(atom)", at: open)
                }
            }
            problem.initialAtoms.append(atom)
        }
    }

    /// `(= (f a b) 3)`.
    static func numericFact(_ element: SExpression, items: [SExpression], at open: SourcePosition) throws(PDDLError) -> NumericFact {
        var cursor = try ListCursor(element, as: "")
        _ = cursor.next()
        let target = try cursor.list("a function term such as (total-cost) after '='")
        let value = try cursor.atom("a number after the function term")
        try cursor.end(after: "the number")
        guard FormulaParser.isNumber(value.text), let number = Double(value.text) else {
            throw PDDLError(.syntax, "expected a number, found '\(value.text)'", at: value.position)
        }
        var function = try ListCursor(target, as: "")
        let name = try function.atom("a function name").text
        var arguments: [Term] = []
        while let argument = function.next() {
            guard case .object(let object)? = FormulaParser.plainTerm(argument) else {
                throw ListCursor.unexpected("an object as an argument of '\(name)'", found: argument)
            }
            arguments.append(.object(object))
        }
        return NumericFact(FunctionTerm(name, arguments, at: target.position), number)
    }
}

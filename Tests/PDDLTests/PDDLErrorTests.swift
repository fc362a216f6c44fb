import Testing
@testable import PDDL

@Suite struct PDDLErrorTests {
    static let domainHeader = "(define (domain d)\n  (:types block)\n  (:predicates (on ?x - block ?y - block) (clear ?x - block))\n"

    @Test func unclosedActionNamesTheActionAndWhereItOpened() {
        let text = """
            (define (domain d)
              (:predicates (p))
              (:action pick-up
                :parameters ()
                :precondition (p)
                :effect (not (p))
            """
        let error = pddlError { _ = try PDDLParser.parseDomain(text) }
        #expect(error?.code == .syntax)
        #expect(error?.description == "line 6, column 22: expected ')' to close the (:action pick-up … opened at line 3, column 3, but the text ended")
    }

    @Test(arguments: [
        // (text after the header, code, line, column, fragment)
        ("  (:action a :parameters ?x :effect (clear ?x)))", PDDLError.Code.syntax, 4, 26,
         "expected the parameter list of action 'a', such as (?x - block), found '?x'"),
        ("  (:action a :parameters (?x - block) :effects (clear ?x)))", .unknownSection, 4, 39,
         "unknown key ':effects' in action 'a'"),
        ("  (:predicate (p)))", .unknownSection, 4, 4, "unknown domain section ':predicate'; expected one of :requirements"),
        ("  (:action a :parameters (?x - block) :precondition (on ?x) :effect (clear ?x)))", .wrongArity, 4, 53,
         "predicate 'on' takes 2 arguments, but (on ?x) in the precondition of action 'a' gives 1"),
        ("  (:action a :parameters (?x - block) :precondition (holdin ?x) :effect (clear ?x)))", .undefinedPredicate, 4, 53,
         "undefined predicate 'holdin' in (holdin ?x) in the precondition of action 'a'; the domain declares: on, clear"),
        ("  (:action a :parameters (?x - blok) :effect (clear ?x)))", .undefinedType, 4, 27,
         "undefined type 'blok' of ?x of action 'a'; the domain declares: object, block"),
        ("  (:action a :parameters (?x - block)\n    :effect (and (clear ?x) (on ?x ?y))))", .undeclaredVariable, 5, 29,
         "undeclared variable ?y in (on ?x ?y) in the effect of action 'a'; declared: ?x"),
        ("  (:action a :parameters (?x - block) :effect (clear c)))", .undefinedObject, 4, 47,
         "undefined object 'c' in (clear c) in the effect of action 'a'; declare it in (:constants …)"),
        ("  (:action a :parameters (?x - block) :effect (increase (total-cost) 1)))", .undefinedFunction, 4, 47,
         "undefined function 'total-cost'"),
        ("  (:action a :parameters (?x - block) :precondition (forall (?y - block) (on ?x ?y)) :effect (clear ?y)))",
         .undeclaredVariable, 4, 94, "undeclared variable ?y in (clear ?y)"),
        ("  (:action a :parameters (?x - block) :precondition (and (clear ?x) ?x) :effect ()))", .syntax, 4, 69,
         "expected a condition in parentheses in the precondition of action 'a', found '?x'"),
        ("  (:action a :parameters (?x - block) :effect (not (clear ?x) (clear ?x))))", .syntax, 4, 63,
         "expected ')' to close the (not (clear ?x) … opened at line 4, column 47 after the deleted atom, found '(clear ?x)'"),
        ("  (:derived (above ?x ?y) (on ?x ?y)))", .undefinedPredicate, 4, 3, "undefined predicate 'above' in the head of (:derived …)"),
    ])
    func domainErrorsNameLineColumnAndWhatWasExpected(body: String, code: PDDLError.Code, line: Int, column: Int, fragment: String) {
        let error = pddlError { _ = try PDDLParser.parseDomain(Self.domainHeader + body) }
        #expect(error?.code == code)
        #expect(error?.position == SourcePosition(line: line, column: column), "\(String(describing: error))")
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("line \(line), column \(column): ") == true)
    }

    @Test func domainNameMismatchIsAnErrorOfTheTask() throws {
        let domain = try PDDLParser.parseDomain(Fixtures.blocksTyped)
        let problem = try PDDLParser.parseProblem(Fixtures.gripperProblem)
        let error = pddlError { _ = try ParsedTask(domain: domain, problem: problem) }
        #expect(error == PDDLError(.domainMismatch))
        #expect(error?.description == "problem, line 2, column 12: the problem is for domain 'gripper-strips', but the domain is named 'blocks'")
    }

    @Test(arguments: [
        ("(:objects a - blok)", PDDLError.Code.undefinedType, 3, 13, "undefined type 'blok' of object 'a'; the domain declares: object, block"),
        ("(:objects a b - block) (:init (on a d))", .undefinedObject, 3, 33,
         "undefined object 'd' in (on a d) in (:init …); declare it in (:objects …) or the domain's (:constants …)"),
        ("(:objects a b - block) (:init (on a))", .wrongArity, 3, 33, "predicate 'on' takes 2 arguments, but (on a) in (:init …) gives 1"),
        ("(:objects a - block) (:goal (and (clear a) (above a a)))", .undefinedPredicate, 3, 46, "undefined predicate 'above' in (above a a) in the goal"),
        ("(:objects a - block) (:goal (clear ?x))", .undeclaredVariable, 3, 31, "undeclared variable ?x in (clear ?x) in the goal; no variables are declared there"),
        ("(:objects a - block) (:init (= (fuel a) 3))", .undefinedFunction, 3, 34, "undefined function 'fuel'"),
    ])
    func problemErrorsAreCheckedAgainstTheDomain(sections: String, code: PDDLError.Code, line: Int, column: Int, fragment: String) throws {
        let domain = try PDDLParser.parseDomain(Fixtures.blocksTyped)
        let problem = try PDDLParser.parseProblem("(define (problem p)\n  (:domain blocks)\n  \(sections))")
        let error = pddlError { _ = try ParsedTask(domain: domain, problem: problem) }
        #expect(error?.code == code)
        #expect(error?.position == SourcePosition(line: line, column: column), "\(String(describing: error))")
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("problem, line \(line), column \(column): ") == true)
    }

    @Test func problemSyntaxErrors() {
        let unknown = pddlError { _ = try PDDLParser.parseProblem("(define (problem p) (:domain d)\n  (:initial (p)))") }
        #expect(unknown?.code == .unknownSection)
        #expect(unknown?.description == "line 2, column 4: unknown problem section ':initial'; expected one of :domain, :requirements, :objects, :init, :goal, :metric")
        let noDomain = pddlError { _ = try PDDLParser.parseProblem("(define (problem p)\n  (:init))") }
        #expect(noDomain?.description == "line 2, column 10: expected (:domain NAME) before the ')' that closes the (define (problem p) … opened at line 1, column 1")
        let variable = pddlError { _ = try PDDLParser.parseProblem("(define (problem p) (:domain d) (:init (on ?x a)))") }
        #expect(variable?.message == "expected an object in (:init …), found the variable ?x in (on ?x a)")
    }

    @Test func parseTaskNamesTheDocument() {
        let error = pddlError { _ = try PDDLParser.parseTask(domain: Fixtures.blocksTyped, problem: "(define (problem p) (:domain blocks) (:goal (on a b))") }
        #expect(error?.document == "problem")
        #expect(error?.description.hasPrefix("problem, line 1, column ") == true)
    }
}

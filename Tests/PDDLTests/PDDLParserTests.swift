import Testing
@testable import PDDL

@Suite struct PDDLParserTests {
    @Test func parsesTypedBlocksWorld() throws {
        let domain = try PDDLParser.parseDomain(Fixtures.blocksTyped)
        #expect(domain.name == "blocks")
        #expect(domain.requirements == [":strips", ":typing"])
        #expect(domain.types.types == ["object", "block"])
        #expect(domain.predicates.map(\.name) == ["on", "ontable", "clear", "handempty", "holding"])
        #expect(domain.actions.map(\.name) == ["pick-up", "put-down", "stack", "unstack"])
        let stack = try #require(domain.action(named: "stack"))
        #expect(stack.parameters.map(\.description) == ["x - block", "y - block"])
        #expect(stack.precondition.description == "(and (holding ?x) (clear ?y))")
        #expect(stack.effect.description == "(and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y))")
        #expect(stack.position == SourcePosition(line: 15, column: 3))
    }

    @Test func parsesUntypedBlocksWorldAndItsProblem() throws {
        let domain = try PDDLParser.parseDomain(Fixtures.blocksUntyped)
        #expect(domain.actions.allSatisfy { $0.parameters.allSatisfy { $0.type.isObject } })
        let problem = try PDDLParser.parseProblem(Fixtures.blocksProblem)
        #expect(problem.name == "blocks-3")
        #expect(problem.domainName == "blocks")
        #expect(problem.objects.map(\.description) == ["a - block", "b - block", "c - block"])
        #expect(problem.initialAtoms.count == 7)
        #expect(problem.goal.description == "(and (on a b) (on b c))")
    }

    @Test func parsesGripper() throws {
        let task = try task(Fixtures.gripper, Fixtures.gripperProblem)
        #expect(task.domain.actions.count == 3)
        #expect(task.objects == ["rooma", "roomb", "ball1", "ball2", "left", "right"])
    }

    @Test func parsesEitherTypesAndMultipleInheritanceLines() throws {
        let task = try task(Fixtures.logistics, Fixtures.logisticsProblem)
        let types = task.domain.types
        #expect(types.isSubtype("truck", of: "physobj"))
        #expect(types.isSubtype("airport", of: "place"))
        #expect(!types.isSubtype("package", of: "vehicle"))
        let load = try #require(task.domain.action(named: "load"))
        #expect(load.parameters[1].type == TypeSpec(["truck", "airplane"]))
        #expect(load.parameters[1].type.description == "(either truck airplane)")
        #expect(task.objects(of: load.parameters[1].type) == ["t1", "a1"])
        #expect(task.objects(ofType: "place") == ["hub", "l1", "l2", "ap1"])
        #expect(task.objects(ofType: "object").count == 9)
    }

    @Test func parsesConditionalEffectsQuantifiersImplyAndEquality() throws {
        let domain = try PDDLParser.parseDomain(Fixtures.briefcase)
        let move = try #require(domain.action(named: "move"))
        #expect(move.precondition.description == "(and (at-bc ?from) (not (= ?from ?to)))")
        guard case .and(let effects) = move.effect, case .forall(let variables, .when(let condition, _)) = effects.last else {
            Issue.record("expected a forall of a when, got \(move.effect)")
            return
        }
        #expect(variables.map(\.description) == ["p - portable"])
        #expect(condition.description == "(in ?p)")
        let seal = try #require(domain.action(named: "seal"))
        #expect(seal.parameters.isEmpty)
        #expect(seal.precondition.description.contains("(imply (in ?p) (exists (?l - location) (at ?p ?l)))"))
    }

    @Test func parsesActionCostsFromAFunction() throws {
        let task = try task(Fixtures.roads, Fixtures.roadsProblem)
        let drive = try #require(task.domain.action(named: "drive"))
        guard case .and(let effects) = drive.effect, case .increaseTotalCost(.function(let term), _)? = effects.last else {
            Issue.record("expected a cost from a function, got \(drive.effect)")
            return
        }
        #expect(term.description == "(road-length ?a ?b)")
        #expect(task.problem.numericFacts.map(\.value) == [3, 4, 0])
        #expect(task.problem.metric?.isTotalCost == true)
    }

    @Test func parsesDerivedPredicates() throws {
        let task = try task(Fixtures.derived, Fixtures.derivedProblem)
        let derived = try #require(task.domain.derivedPredicates.first)
        #expect(derived.predicate == "above")
        #expect(derived.parameters.map(\.name) == ["x", "y"])
        #expect(derived.body.description == "(or (on ?x ?y) (exists (?z) (and (on ?x ?z) (above ?z ?y))))")
    }

    @Test func recognizesNumericFluentsAndDurativeActions() throws {
        let fuel = try task(Fixtures.fuel, Fixtures.fuelProblem)
        let go = try #require(fuel.domain.action(named: "go"))
        guard case .and(let parts) = go.precondition, case .numericComparison(let comparison) = parts.last else {
            Issue.record("expected a numeric comparison, got \(go.precondition)")
            return
        }
        #expect(comparison.description == "(>= (fuel) (distance ?a ?b))")
        guard case .numeric(let assignment)? = fuel.domain.action(named: "refuel")?.effect else {
            Issue.record("expected a numeric effect")
            return
        }
        #expect(assignment.description == "(assign (fuel) 10)")
        let temporal = try task(Fixtures.temporal, Fixtures.temporalProblem)
        #expect(temporal.domain.durativeActions.map(\.name) == ["navigate"])
    }

    @Test func acceptsEmptyConjunctionsAndUpperCase() throws {
        let domain = try PDDLParser.parseDomain("""
            (DEFINE (DOMAIN Empty) ; comment
              (:PREDICATES (P))
              (:ACTION Noop :PARAMETERS () :PRECONDITION (AND) :EFFECT ())
              (:action set :parameters () :precondition () :effect (and (P))))
            """)
        #expect(domain.name == "empty")
        #expect(domain.actions.map(\.name) == ["noop", "set"])
        #expect(domain.actions[0].precondition == .empty)
        #expect(domain.actions[0].effect == .empty)
    }

    @Test func parsesDeepFormulasUpToTheCap() throws {
        let depth = SExpressionReader.maximumDepth - 10
        let deep = String(repeating: "(not ", count: depth) + "(p)" + String(repeating: ")", count: depth)
        let domain = try PDDLParser.parseDomain("(define (domain deep) (:predicates (p)) (:action a :parameters () :precondition \(deep) :effect (p)))")
        let task = try ParsedTask(domain: domain, problem: PDDLParser.parseProblem("(define (problem q) (:domain deep) (:init) (:goal (p)))"))
        #expect(TaskFeatures(task).used.contains(.negativePreconditions) == !depth.isMultiple(of: 2))
        #expect(PlanValidator.validate(["(a)"], for: task).isValid == !depth.isMultiple(of: 2))
    }

    @Test func parsesATenThousandLineProblem() throws {
        let domain = try PDDLParser.parseDomain(Fixtures.blocksTyped)
        let text = LargeProblem.blocks(count: 9_100)
        #expect(text.split(separator: "\n").count >= 10_000)
        let problem = try PDDLParser.parseProblem(text)
        let task = try ParsedTask(domain: domain, problem: problem)
        #expect(task.problem.initialAtoms.count == 9_100 + 910 + 1)
        #expect(TaskSize(task).objects == 9_100)
    }
}

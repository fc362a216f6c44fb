import Testing
@testable import PDDL

@Suite struct PlanValidatorTests {
    let blocks: ParsedTask

    init() throws {
        blocks = try task(Fixtures.blocksTyped, Fixtures.blocksProblem)
    }

    @Test func acceptsValidPlansAndCountsStepsWithoutCosts() throws {
        #expect(PlanValidator.validate(Fixtures.blocksPlan, for: blocks) == .valid(cost: 4))
        #expect(PlanValidator.validate(["(PICK-UP   B )", " (stack b  c)", "(Pick-Up a)", "(stack a b)"], for: blocks) == .valid(cost: 4))
        let gripper = try task(Fixtures.gripper, Fixtures.gripperProblem)
        #expect(PlanValidator.validate(Fixtures.gripperPlan, for: gripper) == .valid(cost: 5))
        #expect(PlanValidator.validate(Fixtures.blocksPlan, for: blocks).description == "valid plan, cost 4")
    }

    @Test func namesTheFirstFalsePartOfAPrecondition() {
        let report = PlanValidator.validate(["(pick-up b)", "(stack b c)", "(stack a b)"], for: blocks)
        #expect(report == .invalid(step: 3, reason: "step 3 (stack a b): precondition (holding a) is false"))
        let unstack = PlanValidator.validate(["(unstack a b)"], for: blocks)
        #expect(unstack == .invalid(step: 1, reason: "step 1 (unstack a b): precondition (on a b) is false"))
        #expect(unstack.description == "invalid plan: step 1 (unstack a b): precondition (on a b) is false")
    }

    @Test func namesTheGoalAtomsLeftUnmet() {
        let missingLast = PlanValidator.validate(Array(Fixtures.blocksPlan.dropLast()), for: blocks)
        #expect(missingLast == .invalid(step: nil, reason: "the goal is not reached: (on a b) is false"))
        #expect(PlanValidator.validate([], for: blocks) == .invalid(step: nil, reason: "the goal is not reached: (on a b), (on b c) are false"))
    }

    @Test(arguments: [
        ("(fly a)", "step 2 (fly a): unknown action 'fly'; the domain's actions are: pick-up, put-down, stack, unstack"),
        ("(put-down a b)", "step 2 (put-down a b): action 'put-down' takes 1 argument (?x - block), not 2"),
        ("(put-down d)", "step 2 (put-down d): 'd' is not an object of the task"),
        ("put-down b", "step 2 'put-down b' is not a ground action in PDDL syntax such as (pick-up a): expected '(' to start the text, found 'put-down'"),
        ("(put-down ?x)", "step 2 '(put-down ?x)' is not a ground action in PDDL syntax such as (pick-up a): expected an object name as an argument of 'put-down', found '?x'"),
    ])
    func rejectsStepsThatAreNotActionsOfTheTask(step: String, reason: String) {
        #expect(PlanValidator.validate(["(pick-up b)", step], for: blocks) == .invalid(step: 2, reason: reason))
    }

    @Test func checksArgumentTypes() throws {
        let logistics = try task(Fixtures.logistics, Fixtures.logisticsProblem)
        #expect(PlanValidator.validate(["(drive p1 l1 l2 c1)"], for: logistics)
            == .invalid(step: 1, reason: "step 1 (drive p1 l1 l2 c1): 'p1' is not of type truck, the type of ?truck"))
        #expect(PlanValidator.validate(["(load p1 t1 l1)", "(drive t1 l1 l2 c1)", "(unload p1 t1 l2)"], for: logistics) == .valid(cost: 3))
        #expect(PlanValidator.validate(["(load p1 a1 l1)"], for: logistics)
            == .invalid(step: 1, reason: "step 1 (load p1 a1 l1): precondition (at a1 l1) is false"))
    }

    @Test func conditionalEffectsAndQuantifiers() throws {
        let briefcase = try task(Fixtures.briefcase, Fixtures.briefcaseProblem)
        #expect(PlanValidator.validate(Fixtures.briefcasePlan, for: briefcase) == .valid(cost: 3))
        #expect(PlanValidator.validate(Fixtures.briefcasePlan + ["(seal)"], for: briefcase) == .valid(cost: 4))
        // Taken out before the move: the dictionary stays home.
        let early = PlanValidator.validate(["(put-in dictionary home)", "(take-out dictionary)", "(move home office)"], for: briefcase)
        #expect(early == .invalid(step: nil, reason: "the goal is not reached: (at dictionary office) is false"))
        // Never taken out: the goal's forall fails.
        let kept = PlanValidator.validate(["(put-in dictionary home)", "(move home office)"], for: briefcase)
        #expect(kept == .invalid(step: nil, reason: "the goal is not reached: (forall (?p - portable) (not (in ?p))) is false"))
        #expect(PlanValidator.validate(["(move home home)"], for: briefcase)
            == .invalid(step: 1, reason: "step 1 (move home home): precondition (not (= home home)) is false"))
    }

    @Test func namesTheCounterexampleOfAForall() throws {
        let domain = """
            (define (domain all) (:predicates (ready ?x) (done))
              (:action finish :parameters () :precondition (and (forall (?x) (ready ?x))) :effect (done)))
            """
        let all = try task(domain, "(define (problem all1) (:domain all) (:objects a b) (:init (ready a)) (:goal (done)))")
        #expect(PlanValidator.validate(["(finish)"], for: all) == .invalid(step: 1, reason: "step 1 (finish): precondition (ready b) is false (for ?x = b)"))
    }

    @Test func evaluatesConditionsBeforeTheActionAndAddsWinOverDeletes() throws {
        let domain = """
            (define (domain flip) (:predicates (p) (q))
              (:action flip :parameters () :precondition () :effect (and (when (p) (not (p))) (when (not (p)) (p))))
              (:action keep :parameters () :precondition () :effect (and (not (q)) (q))))
            """
        let flip = try task(domain, "(define (problem f1) (:domain flip) (:init (p) (q)) (:goal (and (not (p)) (q))))")
        #expect(PlanValidator.validate(["(flip)"], for: flip) == .valid(cost: 1))
        #expect(PlanValidator.validate(["(flip)", "(keep)"], for: flip) == .valid(cost: 2))
        #expect(PlanValidator.validate(["(flip)", "(flip)"], for: flip) == .invalid(step: nil, reason: "the goal is not reached: (not (p)) is false"))
    }

    @Test func sumsActionCostsFromNumbersAndFunctions() throws {
        let roads = try task(Fixtures.roads, Fixtures.roadsProblem)
        #expect(PlanValidator.validate(["(drive x y)", "(drive y z)"], for: roads) == .valid(cost: 7))
        #expect(PlanValidator.validate(["(teleport x z)"], for: roads) == .valid(cost: 100))
        let noLength = Fixtures.roadsProblem.replacing("(road y z)", with: "(road y z) (road x z)")
        let roads2 = try task(Fixtures.roads, noLength)
        #expect(PlanValidator.validate(["(drive x z)"], for: roads2)
            == .invalid(step: 1, reason: "step 1 (drive x z): the cost (road-length x z) has no value in (:init …)"))
    }

    @Test func derivedNumericAndTemporalTasksAreUnverified() throws {
        let derived = try task(Fixtures.derived, Fixtures.derivedProblem)
        #expect(PlanValidator.validate(["(move-off a b)"], for: derived)
            == .unverified(reason: "the task uses derived predicates, which this validator does not evaluate"))
        let fuel = try task(Fixtures.fuel, Fixtures.fuelProblem)
        #expect(PlanValidator.validate(["(nonsense)"], for: fuel)
            == .unverified(reason: "the task uses numeric fluents, which this validator does not evaluate"))
        let temporal = try task(Fixtures.temporal, Fixtures.temporalProblem)
        guard case .unverified(let reason) = PlanValidator.validate([], for: temporal) else {
            Issue.record("expected unverified")
            return
        }
        #expect(reason.contains("durative actions"))
    }
}

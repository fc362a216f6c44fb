import NativePlanner
import PDDL
import PlannerKit
import Testing

@Suite struct GrounderTests {
    @Test func groundsBlocksIntoFactsAndActions() throws {
        let task = try Grounder.ground(try ExampleTasks.parsed("blocks", "p01"))
        // 4 blocks: on 16 (12 reachable besides on x x? none: stack needs holding x and clear y,
        // and x = y is possible in the relaxation), ontable 4, clear 4, holding 4, handempty 1.
        #expect(task.facts.contains("(handempty)"))
        #expect(task.facts.contains("(holding b1)"))
        #expect(task.actions.contains { $0.name == "(pick-up b4)" })
        #expect(Set(task.initialState.map { task.facts[$0] }) == [
            "(handempty)", "(ontable b2)", "(on b3 b2)", "(on b1 b3)", "(clear b1)", "(ontable b4)", "(clear b4)",
        ])
        #expect(task.goal.map { task.facts[$0] }.sorted() == ["(on b2 b1)", "(on b4 b2)", "(ontable b1)", "(ontable b3)"])
        #expect(!task.hasCosts)
        #expect(task.actions.allSatisfy { $0.cost == 1 })
    }

    @Test func prunesWithStaticPredicatesAndReachedFacts() throws {
        let parsed = try ExampleTasks.parsed("logistics", "p03")
        let task = try Grounder.ground(parsed)
        // Trucks drive only within their city (in-city is static): far fewer than the product
        // of the parameters' objects.
        let drives = task.actions.filter { $0.name.hasPrefix("(drive ") }
        let trucks = parsed.objects(ofType: "truck").count
        let places = parsed.objects(ofType: "place").count
        let cities = parsed.objects(ofType: "city").count
        #expect(!drives.isEmpty)
        #expect(drives.count < trucks * places * places * cities / 4)
        // Static atoms are compiled away: no fact of a static predicate.
        #expect(!task.facts.contains { $0.hasPrefix("(in-city") })
    }

    @Test func decidesEqualityAndSplitsDisjunctions() throws {
        let task = try Grounder.ground(try ExampleTasks.parsed("adl-doors", "p02"))
        let goes = task.actions.filter { $0.name.hasPrefix("(go ") }
        #expect(!goes.isEmpty)
        for action in goes {
            let words = action.name.dropFirst().dropLast().split(separator: " ")
            #expect(words[1] != words[2])
        }
        // (or (door-open ?to) (lit ?to)): lit is static, so only unlit rooms need the door.
        #expect(goes.allSatisfy { $0.preconditions.count <= 2 })
        // forall (?k - key) (holding ?k) becomes one precondition per key.
        let alarm = try #require(task.actions.first { $0.name.hasPrefix("(set-alarm") })
        #expect(alarm.preconditions.filter { task.facts[$0].hasPrefix("(holding") }.count == 3)
    }

    @Test func groundsConditionalEffectsAndCosts() throws {
        let briefcase = try Grounder.ground(try ExampleTasks.parsed("briefcase", "p01"))
        #expect(briefcase.hasConditionalEffects)
        let move = try #require(briefcase.actions.first { $0.name.hasPrefix("(move") })
        #expect(!move.conditionalEffects.isEmpty)
        let travel = try Grounder.ground(try ExampleTasks.parsed("travel-costs", "p01"))
        #expect(travel.hasCosts)
        #expect(Set(travel.actions.map(\.cost)) == [3, 5, 20])
    }

    @Test func reachesADisjunctiveGoalThroughAnArtificialAction() throws {
        let domain = try ExampleTasks.text("blocks/domain.pddl")
        let problem = """
            (define (problem either) (:domain blocks) (:objects a b c)
              (:init (handempty) (ontable a) (ontable b) (on c b) (clear a) (clear c))
              (:goal (or (on a c) (and (on b a) (not (ontable b))))))
            """
        let parsed = try ExampleTasks.parsed(domain: domain, problem: problem)
        for plan in [
            try GreedyFFPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop()),
            try OptimalAStarPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop()),
        ] {
            Planning.expectValid(plan, for: parsed)
            #expect(plan.steps.allSatisfy { !$0.isEmpty })
        }
        let optimal = try OptimalAStarPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop())
        #expect(optimal.steps == ["(pick-up a)", "(stack a c)"])
    }

    @Test func reportsAGoalUnreachableInTheRelaxationAsUnsolvable() throws {
        let gripper = try ExampleTasks.text("gripper/domain.pddl")
        // Without a free gripper no ball can be picked: unreachable even ignoring deletes.
        let noFreeGripper = """
            (define (problem stuck) (:domain gripper)
              (:objects rooma roomb - room ball1 - ball left - gripper)
              (:init (at-robby rooma) (at ball1 rooma))
              (:goal (at ball1 roomb)))
            """
        let parsed = try ExampleTasks.parsed(domain: gripper, problem: noFreeGripper)
        var code: PlanningError.Code?
        do {
            _ = try Grounder.ground(parsed)
        } catch let error as PlanningError {
            code = error.code
        }
        #expect(code == .unsolvable)
    }

    @Test func provesByExhaustingTheSearchWhenTheRelaxationReachesTheGoal() throws {
        let blocks = try ExampleTasks.text("blocks/domain.pddl")
        let bothHeld = """
            (define (problem stuck) (:domain blocks) (:objects a b)
              (:init (handempty) (ontable a) (ontable b) (clear a) (clear b))
              (:goal (and (holding a) (holding b))))
            """
        let objective = Planning.objective(domain: blocks, problem: bothHeld)
        #expect(Planning.error { try GreedyFFPlanner().plan(objective, stop: PlanningStop()) }?.code == .unsolvable)
        #expect(Planning.error { try OptimalAStarPlanner().plan(objective, stop: PlanningStop()) }?.code == .unsolvable)
    }

    @Test func rejectsFeaturesItDoesNotSupportNamingThem() throws {
        let derived = """
            (define (domain d) (:requirements :derived-predicates)
              (:predicates (p) (q))
              (:derived (q) (p))
              (:action a :parameters () :precondition (q) :effect (p)))
            """
        let numeric = """
            (define (domain d) (:requirements :numeric-fluents)
              (:predicates (p)) (:functions (fuel))
              (:action a :parameters () :precondition (> (fuel) 1) :effect (and (p) (decrease (fuel) 1))))
            """
        let problem = "(define (problem x) (:domain d) (:init (= (fuel) 3)) (:goal (p)))"
        let derivedProblem = "(define (problem x) (:domain d) (:goal (p)))"
        for (domain, problem, feature) in [(derived, derivedProblem, "derived predicates"), (numeric, problem, "numeric fluents")] {
            let error = Planning.error { try GreedyFFPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop()) }
            #expect(error?.code == .unsupported)
            #expect(error?.message.contains(feature) == true, "\(error?.message ?? "no error")")
        }
    }
}

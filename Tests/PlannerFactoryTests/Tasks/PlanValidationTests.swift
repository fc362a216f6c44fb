import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Every plan for a PDDL task is validated before it is returned; an invalid plan is a fault of
/// the planner that returned it.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"))
struct PlanValidationTests {
    /// A process plugin that returns the steps its objective's `steps` parameter lists
    /// (separated by `;`), whatever the task.
    static func parrot(_ root: TemporaryFolder) throws {
        try WorkerFixtures.processBundle(root, name: "parrot", body: """
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    steps = request["body"]["parameters"]["steps"].split(";")
                    send({"id": request["id"], "result": {"planner": "parrot", "steps": steps, "cost": len(steps)}})
            """)
    }

    static func objective(steps: [String]) throws -> Objective {
        let texts = try PDDLExamples.texts("blocks", "p01")
        var (objective, _) = try Objective.pddl(domain: texts.domain, problem: texts.problem)
        objective.capabilities = ["x"]
        objective.parameters = ["steps": steps.joined(separator: ";")]
        return objective
    }

    /// blocks/p01's optimal plan.
    static let solution = ["(unstack b1 b3)", "(put-down b1)", "(unstack b3 b2)", "(put-down b3)", "(pick-up b2)", "(stack b2 b1)",
                           "(pick-up b4)", "(stack b4 b2)"]

    @Test func aValidPlanCarriesItsValidationAndItsCost() throws {
        let root = try TemporaryFolder()
        try Self.parrot(root)
        let factory = WorkerFixtures.factory(root)
        let plan = try factory.plan(Self.objective(steps: Self.solution), using: "parrot")
        #expect(plan.stats["validation"] == .object(["result": "valid", "cost": 8]))
    }

    @Test func anInvalidPlanNamesTheStepAndCountsAsAFaultUntilQuarantine() throws {
        let root = try TemporaryFolder()
        try Self.parrot(root)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 2 }
        var broken = Self.solution
        broken.remove(at: 1)  // b1 is still held when b3 is unstacked
        for attempt in 1...2 {
            #expect {
                _ = try factory.plan(Self.objective(steps: broken), using: "parrot")
            } throws: { error in
                let error = error as? FactoryError
                return error?.code == .invalidPlan && error?.context["step"] == "2"
                    && error?.message.contains("step 2 (unstack b3 b2)") == true
                    && error?.message.contains("quarantined") == (attempt == 2)
            }
        }
        #expect(factory.record(named: "parrot")?.status == .quarantined)
        #expect(factory.record(named: "parrot")?.reason?.contains("returned an invalid plan, 2 times in a row") == true)
    }

    @Test func aPlanThatLeavesTheGoalUnmetIsInvalidAndAValidPlanResetsTheCount() throws {
        let root = try TemporaryFolder()
        try Self.parrot(root)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 2 }
        #expect {
            _ = try factory.plan(Self.objective(steps: Array(Self.solution.dropLast())), using: "parrot")
        } throws: { error in
            (error as? FactoryError)?.message.contains("the goal is not reached") == true
        }
        _ = try factory.plan(Self.objective(steps: Self.solution), using: "parrot")
        #expect(throws: FactoryError(.invalidPlan, "")) {
            _ = try factory.plan(Self.objective(steps: Array(Self.solution.dropLast())), using: "parrot")
        }
        #expect(factory.record(named: "parrot")?.status == .active, "the valid plan in between started the count again")
    }

    @Test func validationCanBeTurnedOff() throws {
        let root = try TemporaryFolder()
        try Self.parrot(root)
        let factory = WorkerFixtures.factory(root) { $0.validatesPlans = false }
        let plan = try factory.plan(Self.objective(steps: ["(fly away)"]), using: "parrot")
        #expect(plan.steps == ["(fly away)"])
        #expect(plan.stats["validation"] == nil)
    }
}

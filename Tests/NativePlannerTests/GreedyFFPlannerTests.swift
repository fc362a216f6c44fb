import NativePlanner
import PDDL
import PlannerKit
import Testing

@Suite struct GreedyFFPlannerTests {
    static let tasks = ExampleTasks.solvable.map { "\($0.0)/\($0.1)" }

    @Test(arguments: tasks)
    func solvesEveryExampleTaskWithAValidPlan(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let plan = try GreedyFFPlanner().plan(try ExampleTasks.objective(parts[0], parts[1]), stop: PlanningStop())
        #expect(plan.planner == "native-gbfs")
        #expect(plan.steps.allSatisfy { $0 == $0.lowercased() && $0.hasPrefix("(") && !$0.contains("  ") })
        Planning.expectValid(plan, for: try ExampleTasks.parsed(parts[0], parts[1]))
        for key in ["expanded", "generated", "groundActions", "facts", "searchTimeMs"] { #expect(plan.stats[key] != nil) }
    }

    @Test(arguments: ["blocks", "logistics"])
    func provesUnsolvableTasks(_ domain: String) throws {
        let objective = try ExampleTasks.objective(domain, "unsolvable")
        #expect(Planning.error { try GreedyFFPlanner().plan(objective, stop: PlanningStop()) }?.code == .unsolvable)
    }

    @Test func givesTheSamePlanTwice() throws {
        for (domain, problem) in [("blocks", "p05"), ("either-transport", "p03"), ("briefcase", "p02")] {
            let objective = try ExampleTasks.objective(domain, problem)
            let first = try GreedyFFPlanner().plan(objective, stop: PlanningStop())
            let second = try GreedyFFPlanner().plan(objective, stop: PlanningStop())
            #expect(first.steps == second.steps)
        }
    }

    @Test func reportsTheCostOfActionCostsAndTheLengthOtherwise() throws {
        let costly = try GreedyFFPlanner().plan(try ExampleTasks.objective("travel-costs", "p02"), stop: PlanningStop())
        #expect(costly.cost != Double(costly.steps.count))
        let unit = try GreedyFFPlanner().plan(try ExampleTasks.objective("gripper", "p01"), stop: PlanningStop())
        #expect(unit.cost == Double(unit.steps.count))
    }

    @Test func rejectsAnObjectiveWithoutATask() {
        let error = Planning.error { try GreedyFFPlanner().plan(Objective(text: "stack a on b"), stop: PlanningStop()) }
        #expect(error?.code == .invalidObjective)
    }

    @Test func rejectsATaskThatDoesNotParseNamingTheLine() throws {
        let broken = Objective(
            text: "broken", task: PlanningTask(domain: try ExampleTasks.text("syntax-error/domain.pddl"), problem: try ExampleTasks.text("syntax-error/p01.pddl")))
        let error = Planning.error { try GreedyFFPlanner().plan(broken, stop: PlanningStop()) }
        #expect(error?.code == .invalidObjective)
        #expect(error?.message.contains("line") == true)
        let badProblem = Objective(
            text: "broken", task: PlanningTask(domain: try ExampleTasks.text("blocks/domain.pddl"), problem: try ExampleTasks.text("syntax-error/bad-problem.pddl")))
        #expect(Planning.error { try GreedyFFPlanner().plan(badProblem, stop: PlanningStop()) }?.code == .invalidObjective)
    }

    @Test func rejectsAnotherTaskFormat() {
        let objective = Objective(text: "x", task: PlanningTask(format: "hddl", domain: "", problem: ""))
        #expect(Planning.error { try GreedyFFPlanner().plan(objective, stop: PlanningStop()) }?.code == .invalidObjective)
    }

    @Test func usesTheObjectivesDeadlineThroughPlanWithoutStop() throws {
        let plan = try GreedyFFPlanner().plan(try ExampleTasks.objective("blocks", "p01", deadline: 30))
        #expect(plan.steps.count == 8)
    }

    @Test func describesItself() throws {
        let descriptor = GreedyFFPlanner.descriptor
        #expect(descriptor.name == "native-gbfs")
        #expect(descriptor.version == "1.0.0")
        for capability in ["pddl", "pddl:strips", "pddl:typing", "pddl:negative-preconditions", "pddl:equality", "pddl:action-costs"] {
            #expect(descriptor.capabilities.contains(capability))
        }
        #expect(!descriptor.capabilities.contains("optimal"))
        #expect(NativePlanners.all.map { $0.descriptor.name } == ["native-gbfs", "native-astar"])
        _ = try GreedyFFPlanner(configuration: [:])
        #expect(throws: DataFormatError.self) { try GreedyFFPlanner(configuration: ["nodeLimit": .number(3)]) }
    }
}

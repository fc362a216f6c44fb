import NativePlanner
import PDDL
import PlannerKit
import Testing

@Suite struct OptimalAStarPlannerTests {
    /// Optimal costs from Fast Downward `astar(lmcut())` (examples/pddl/README.md).
    static let knownCosts: [String: Double] = [
        "blocks/p01": 8, "gripper/p01": 10, "logistics/p01": 13, "elevator/p02": 19, "travel-costs/p02": 24,
        "either-transport/p02": 15,
    ]

    @Test(arguments: knownCosts.keys.sorted())
    func matchesFastDownwardsOptimalCosts(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let plan = try OptimalAStarPlanner().plan(try ExampleTasks.objective(parts[0], parts[1]), stop: PlanningStop())
        Planning.expectValid(plan, for: try ExampleTasks.parsed(parts[0], parts[1]))
        #expect(plan.cost == Self.knownCosts[name])
        #expect(plan.stats["optimal"] == .bool(true))
    }

    @Test func findsTheOptimalCostOfBlocksP04() throws {
        let plan = try OptimalAStarPlanner().plan(try ExampleTasks.objective("blocks", "p04"), stop: PlanningStop())
        Planning.expectValid(plan, for: try ExampleTasks.parsed("blocks", "p04"))
        #expect(plan.cost == 24)
    }

    /// Small tasks of every domain, checked against a brute-force uniform-cost search.
    @Test(arguments: [
        "blocks/p01", "blocks/p03", "gripper/p01", "logistics/p01", "elevator/p01", "briefcase/p01", "briefcase/p02",
        "travel-costs/p01", "either-transport/p01", "adl-doors/p01", "adl-doors/p02",
    ])
    func matchesUniformCostSearch(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let parsed = try ExampleTasks.parsed(parts[0], parts[1])
        let plan = try OptimalAStarPlanner().plan(try ExampleTasks.objective(parts[0], parts[1]), stop: PlanningStop())
        Planning.expectValid(plan, for: parsed)
        let optimal = try #require(UniformCostSearch.optimalCost(try Grounder.ground(parsed)))
        #expect(plan.cost == optimal)
    }

    @Test(arguments: 1...8)
    func isOptimalOnRandomFourBlockTasks(_ seed: Int) throws {
        let domain = try ExampleTasks.text("blocks/domain.pddl")
        let problem = BlocksTasks.random(blocks: 4, seed: UInt64(seed))
        let parsed = try ExampleTasks.parsed(domain: domain, problem: problem)
        let plan = try OptimalAStarPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop())
        Planning.expectValid(plan, for: parsed)
        #expect(plan.cost == UniformCostSearch.optimalCost(try Grounder.ground(parsed)))
        let greedy = try GreedyFFPlanner().plan(Planning.objective(domain: domain, problem: problem), stop: PlanningStop())
        Planning.expectValid(greedy, for: parsed)
        #expect(try #require(greedy.cost) >= plan.cost ?? 0)
    }

    @Test(arguments: ["blocks", "logistics"])
    func provesUnsolvableTasks(_ domain: String) throws {
        let objective = try ExampleTasks.objective(domain, "unsolvable")
        #expect(Planning.error { try OptimalAStarPlanner().plan(objective, stop: PlanningStop()) }?.code == .unsolvable)
    }

    @Test func givesTheSamePlanTwice() throws {
        let objective = try ExampleTasks.objective("logistics", "p01")
        let first = try OptimalAStarPlanner().plan(objective, stop: PlanningStop())
        #expect(try OptimalAStarPlanner().plan(objective, stop: PlanningStop()).steps == first.steps)
    }

    @Test func describesItself() {
        let descriptor = OptimalAStarPlanner.descriptor
        #expect(descriptor.name == "native-astar")
        #expect(descriptor.capabilities.contains("optimal"))
        #expect(descriptor.capabilities.contains("pddl:action-costs"))
    }
}

import ExamplePlanners
import PlannerKit
import PlannerTestSupport
import Testing

@Suite struct BlocksWorldPlannerTests {
    /// Plans, then checks the plan replays legally from the initial state (the planner's
    /// default, all goal blocks on the table, when `initial` is `nil`) to the goal, in the
    /// fewest moves that breadth-first search finds.
    @discardableResult
    static func checkShortestPlan(goal: String, initial: String?, planner: BlocksWorldPlanner = BlocksWorldPlanner()) throws -> Plan {
        let objective = Objective(text: "stack " + goal, parameters: initial.map { ["initial": $0] } ?? [:])
        let plan = try planner.plan(objective)
        let goalState = BlocksReference.state(goal)
        let start = BlocksReference.state(initial ?? goalState.keys.sorted().joined(separator: ", "))
        let end = try BlocksReference.replay(plan.steps, from: start).get()
        #expect(BlocksReference.satisfies(end, goalState), "\(plan.steps) ends in \(end)")
        let shortest = try #require(BlocksReference.shortestPlanLength(from: start, to: goalState))
        #expect(plan.steps.count == shortest)
        #expect(plan.cost == Double(shortest))
        #expect(plan.stats["optimal"] == true)
        #expect((plan.stats["expanded"]?.intValue ?? -1) >= 0)
        #expect(plan.planner == "blocks-world")
        return plan
    }

    @Test func descriptorHasTheDocumentedFields() {
        let descriptor = BlocksWorldPlanner.descriptor
        #expect(descriptor.name == "blocks-world")
        #expect(descriptor.version == "1.0.0")
        #expect(descriptor.capabilities == ["blocks", "strips", "symbolic", "optimal"])
        #expect(descriptor.keywords == ["stack", "blocks", "tower", "on", "unstack"])
        #expect(descriptor.rank == 5)
        #expect(descriptor.boosts == ["strips": 3, "stack": 2])
        #expect(descriptor.isThreadSafe)
    }

    @Test func stepsNameTheBlockWhereItWasAndWhereItGoes() throws {
        let plan = try BlocksWorldPlanner().plan(Objective(text: "stack a on b"))
        #expect(plan.steps == ["move a from table to b"])
        let unstack = try BlocksWorldPlanner().plan(Objective(text: "stack a on table", parameters: ["initial": "a on b"]))
        #expect(unstack.steps == ["move a from b to table"])
    }

    /// The Sussman anomaly: achieving the goals one at a time (a on b first, or b on c first,
    /// each by a shortest plan) has to undo work; the optimal plan interleaves them in 3 moves.
    @Test func solvesTheSussmanAnomalyInThreeMoves() throws {
        let plan = try Self.checkShortestPlan(goal: "a on b on c", initial: "c on a, b")
        #expect(plan.steps == ["move c from a to table", "move b from table to c", "move a from table to b"])
        let start = BlocksReference.state("c on a, b")
        for first in [["a": "b"], ["b": "c"]] {
            let halfway = try #require(BlocksReference.shortestPlan(from: start, to: first))
            let rest = try #require(BlocksReference.shortestPlan(from: halfway.end, to: ["a": "b", "b": "c", "c": "table"]))
            #expect(halfway.length + rest.length > plan.steps.count)
        }
    }

    @Test(arguments: [
        ("a on b on c", nil, 2),
        ("a on b", "a on b", 0),
        ("d on c on b on a", "a on b on c on d", 4),
        ("a on b", "x on a, b", 2),
        ("a on b, c on d", "b on a, d on c", 4),
        ("b on table, a on c", "b on a on c", 1),
        ("c on a, b on c", "a on b on c", 4),
        ("b1 on b2 on b3", "b3 on b1, b2", 3),
        // A greedy search that parks blocks on other blocks, not on the table, takes 7 here.
        ("d on b on c on a", "d on a on b, e, c", 5),
    ] as [(String, String?, Int)])
    func findsShortestPlans(goal: String, initial: String?, length: Int) throws {
        let plan = try Self.checkShortestPlan(goal: goal, initial: initial)
        #expect(plan.steps.count == length)
    }

    @Test(arguments: [
        ("stack a on b and c on d", "stack a on b, c on d"),
        ("please stack a onto b; c on d on the table.", "stack a on b, c on d"),
        ("stack a on b, b on c", "stack a on b on c"),
        ("A on B on C", "stack a on b on c"),
    ])
    func readsEquivalentWordingsAlike(wording: String, plain: String) throws {
        let initial = ["initial": "d on c, b on a"]
        let planner = BlocksWorldPlanner()
        #expect(try planner.plan(Objective(text: wording, parameters: initial)) == planner.plan(Objective(text: plain, parameters: initial)))
    }

    @Test func readsTheInitialStateInEveryWording() throws {
        let planner = BlocksWorldPlanner()
        let plain = try planner.plan(Objective(text: "stack a on b on c", parameters: ["initial": "c on a, b"]))
        for initial in ["c on a on table, b on table", "c onto a and b", "c on a; a on the table; b"] {
            #expect(try planner.plan(Objective(text: "stack a on b on c", parameters: ["initial": initial])) == plain)
        }
    }

    /// Random start towers of 3 to 5 blocks and random goal towers over some of them.
    @Test(arguments: UInt64(1)...40)
    func matchesBreadthFirstSearchOnRandomProblems(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let blocks = Array(["a", "b", "c", "d", "e"].prefix(Int.random(in: 3...5, using: &generator)))
        let initial = BlocksReference.randomTowers(of: blocks, using: &generator)
        let goalBlocks = blocks.filter { _ in Bool.random(using: &generator) }
        let goal = BlocksReference.randomTowers(of: goalBlocks.isEmpty ? [blocks[0]] : goalBlocks, using: &generator)
        try Self.checkShortestPlan(goal: goal, initial: initial)
    }

    /// Reversing a tower of 8 moves every block at least once, so 8 moves are optimal.
    @Test func reversesATowerOfEightWithinTheDefaultLimit() throws {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        let objective = Objective(
            text: "stack " + names.reversed().joined(separator: " on "),
            parameters: ["initial": names.joined(separator: " on ")]
        )
        let plan = try BlocksWorldPlanner().plan(objective)
        let goal = BlocksReference.state(names.reversed().joined(separator: " on "))
        let end = try BlocksReference.replay(plan.steps, from: BlocksReference.state(names.joined(separator: " on "))).get()
        #expect(BlocksReference.satisfies(end, goal))
        #expect(plan.steps.count == 8)
    }
}

import ExamplePlanners
import PlannerKit
import PlannerTestSupport
import Testing

@Suite struct GridRoutePlannerTests {
    /// A map where greedy best-first search takes 16 moves into the top chamber, but the
    /// shortest route from 0,4 to 4,4 goes round the bottom in 8.
    static let greedyTrap = """
        .........
        .#######.
        .#.....#.
        .#.###.#.
        ...#.#.#.
        .###.#.#.
        .......#.
        """

    typealias Cell = GridReference.Cell

    /// Plans, then checks the plan replays legally from `start` to `goal` in the fewest moves.
    @discardableResult
    static func checkShortestRoute(
        map: String, from start: Cell, to goal: Cell, diagonal: Bool = false,
        text: String? = nil, parameters: [String: String] = [:]
    ) throws -> Plan {
        let planner = GridRoutePlanner(allowsDiagonalMoves: diagonal)
        let objective = Objective(
            text: text ?? "route from \(start.x),\(start.y) to \(goal.x),\(goal.y)",
            parameters: parameters.merging(["map": map]) { _, map in map }
        )
        let plan = try planner.plan(objective)
        let reference = GridReference(map: map, allowsDiagonal: diagonal)
        #expect(try reference.replay(plan.steps, from: start).get() == goal)
        let shortest = try #require(reference.shortestDistance(from: start, to: goal))
        #expect(plan.steps.count == shortest)
        #expect(plan.cost == Double(shortest))
        #expect(plan.stats["length"] == .number(Double(shortest)))
        #expect(plan.stats["optimal"] == true)
        #expect((plan.stats["expanded"]?.intValue ?? -1) >= 0)
        #expect(plan.planner == "grid-astar")
        return plan
    }

    @Test func descriptorHasTheDocumentedFields() {
        let descriptor = GridRoutePlanner.descriptor
        #expect(descriptor.name == "grid-astar")
        #expect(descriptor.version == "1.0.0")
        #expect(descriptor.capabilities == ["grid", "route", "optimal", "2d"])
        #expect(descriptor.keywords == ["route", "path", "grid", "navigate", "from", "to"])
        #expect(descriptor.rank == 10)
        #expect(descriptor.boosts == ["optimal": 5, "route": 2])
        #expect(descriptor.isThreadSafe)
    }

    @Test func routesOnTheDefaultMap() throws {
        let plan = try GridRoutePlanner().plan(Objective(text: "route from 0,0 to 7,3"))
        let reference = GridReference(map: GridRoutePlanner.defaultMap)
        #expect(try reference.replay(plan.steps, from: Cell(x: 0, y: 0)).get() == Cell(x: 7, y: 3))
        #expect(plan.steps.count == reference.shortestDistance(from: Cell(x: 0, y: 0), to: Cell(x: 7, y: 3)))
        #expect(plan.steps.first == "move east to 1,0")
    }

    @Test func beatsGreedySearchWhereGreedyIsLured() throws {
        let start = Cell(x: 0, y: 4), goal = Cell(x: 4, y: 4)
        let reference = GridReference(map: Self.greedyTrap)
        let greedy = try #require(reference.greedyRouteLength(from: start, to: goal))
        let plan = try Self.checkShortestRoute(map: Self.greedyTrap, from: start, to: goal)
        #expect(plan.steps.count == 8)
        #expect(greedy > plan.steps.count)
    }

    @Test(arguments: UInt64(1)...24)
    func matchesBreadthFirstSearchOnRandomMaps(seed: UInt64) throws {
        try Self.checkRandomMap(seed: seed, diagonal: false)
    }

    @Test(arguments: UInt64(101)...112)
    func matchesBreadthFirstSearchWithDiagonalMoves(seed: UInt64) throws {
        try Self.checkRandomMap(seed: seed, diagonal: true)
    }

    /// A random 9×7 map with about a third walls: the planner must find a shortest route when
    /// breadth-first search finds one, and report `.unreachable` when it does not.
    static func checkRandomMap(seed: UInt64, diagonal: Bool) throws {
        var generator = SeededGenerator(seed: seed)
        var rows = (0..<7).map { _ in (0..<9).map { _ in Int.random(in: 0..<3, using: &generator) == 0 ? "#" : "." } }
        let start = Cell(x: Int.random(in: 0..<9, using: &generator), y: Int.random(in: 0..<7, using: &generator))
        let goal = Cell(x: Int.random(in: 0..<9, using: &generator), y: Int.random(in: 0..<7, using: &generator))
        rows[start.y][start.x] = "."
        rows[goal.y][goal.x] = "."
        let map = rows.map { $0.joined() }.joined(separator: "/")
        if GridReference(map: map, allowsDiagonal: diagonal).shortestDistance(from: start, to: goal) == nil {
            let error = #expect(throws: PlanningError.self) {
                try GridRoutePlanner(allowsDiagonalMoves: diagonal).plan(Objective(text: "route from \(start.x),\(start.y) to \(goal.x),\(goal.y)", parameters: ["map": map]))
            }
            #expect(error?.code == .unreachable)
        } else {
            try checkShortestRoute(map: map, from: start, to: goal, diagonal: diagonal)
        }
    }

    @Test func diagonalMovesShortenRoutesButDoNotCutCorners() throws {
        let open = try Self.checkShortestRoute(map: "..../..../....", from: Cell(x: 0, y: 0), to: Cell(x: 3, y: 2), diagonal: true)
        #expect(open.steps.count == 3)
        #expect(open.steps.contains { $0.hasPrefix("move southeast") })
        // Every 3-move route would pass a corner of the wall at 1,1.
        let walled = try Self.checkShortestRoute(map: "..../.#../....", from: Cell(x: 0, y: 0), to: Cell(x: 3, y: 2), diagonal: true)
        #expect(walled.steps.count == 4)
    }

    @Test func parametersOverrideTheText() throws {
        let map = "...../...../....."
        let both = try Self.checkShortestRoute(
            map: map, from: Cell(x: 4, y: 2), to: Cell(x: 0, y: 0),
            text: "route from 0,0 to 1,1", parameters: ["from": "(4, 2)", "to": "0,0"]
        )
        #expect(both.steps.count == 6)
        let onlyStart = try Self.checkShortestRoute(
            map: map, from: Cell(x: 4, y: 0), to: Cell(x: 1, y: 1), text: "route from 0,0 to 1,1", parameters: ["from": "4,0"]
        )
        #expect(onlyStart.steps.count == 4)
    }

    @Test(arguments: ["route from 0,0 to 3,1", "navigate to (3, 1) from (0, 0).", "go from 0, 0 along the wall to 3,1"])
    func readsCoordinatesInTheText(text: String) throws {
        let map = "....\n.##.\n"
        try Self.checkShortestRoute(map: map, from: Cell(x: 0, y: 0), to: Cell(x: 3, y: 1), text: text)
    }

    @Test func aRouteToTheStartIsEmpty() throws {
        let plan = try Self.checkShortestRoute(map: GridRoutePlanner.defaultMap, from: Cell(x: 3, y: 2), to: Cell(x: 3, y: 2))
        #expect(plan.steps.isEmpty)
        #expect(plan.cost == 0)
    }

    @Test func stepsNameTheDirectionAndTheCell() throws {
        let plan = try GridRoutePlanner().plan(Objective(text: "route from 1,1 to 0,0", parameters: ["map": "../.."]))
        #expect(plan.steps == ["move north to 1,0", "move west to 0,0"] || plan.steps == ["move west to 0,1", "move north to 0,0"])
    }
}

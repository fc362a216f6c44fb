import ExamplePlanners
import PlannerKit
import Testing

@Suite struct GridRoutePlannerErrorTests {
    @Test(arguments: [
        ("route somewhere nice", [:], "names no start"),
        ("route from 0,0 to the door", [:], "names no goal"),
        ("route from 0,0", [:], "names no goal"),
        ("route from 0,0 to 10,0", [:], "goal 10,0 is off the 10×6 map"),
        ("route from -1,0 to 1,0", [:], "start -1,0 is off"),
        ("route from 1,1 to 0,0", [:], "start 1,1 is a wall"),
        ("route from 0,0 to 4,2", [:], "goal 4,2 is a wall"),
        ("route from 0,0 to 1,0", ["map": "..../..."], "row 1 has 3 cells but row 0 has 4"),
        ("route from 0,0 to 1,0", ["map": "..x."], "cell 2,0 is 'x'"),
        ("route from 0,0 to 1,0", ["map": " / "], "map is empty"),
        ("route to 1,0", ["from": "zero"], "Parameter \"from\" must be a coordinate"),
        ("route from 0,0", ["to": "1,0,2"], "Parameter \"to\" must be a coordinate"),
    ] as [(String, [String: String], String)])
    func rejectsInvalidObjectives(text: String, parameters: [String: String], fragment: String) {
        let error = #expect(throws: PlanningError.self) {
            try GridRoutePlanner().plan(Objective(text: text, parameters: parameters))
        }
        #expect(error?.code == .invalidObjective)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }

    @Test func reportsAnUnreachableGoalNamingStartAndGoal() {
        let error = #expect(throws: PlanningError.self) {
            try GridRoutePlanner().plan(Objective(text: "route from 0,0 to 4,1", parameters: ["map": "..#../..#../..#.."]))
        }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("from 0,0 to 4,1") == true)
    }

    @Test func diagonalMovesDoNotSqueezeBetweenWalls() {
        let error = #expect(throws: PlanningError.self) {
            try GridRoutePlanner(allowsDiagonalMoves: true).plan(Objective(text: "route from 0,0 to 1,1", parameters: ["map": ".#/#."]))
        }
        #expect(error?.code == .unreachable)
    }

    @Test(arguments: [[:], ["diagonal": false], ["diagonal": true]] as [PlannerConfiguration])
    func acceptsItsConfiguration(configuration: PlannerConfiguration) throws {
        let planner = try GridRoutePlanner(configuration: configuration)
        #expect(planner.allowsDiagonalMoves == (configuration["diagonal"] == true))
    }

    @Test(arguments: [
        (["diagonals": true], "unknown configuration key \"diagonals\""),
        (["diagonal": "yes"], "\"diagonal\" for planner grid-astar must be true or false, found a string"),
        (["diagonal": 1], "\"diagonal\" for planner grid-astar must be true or false, found a number"),
    ] as [(PlannerConfiguration, String)])
    func rejectsABadConfigurationNamingTheKey(configuration: PlannerConfiguration, fragment: String) {
        let error = #expect(throws: DataFormatError.self) { try GridRoutePlanner(configuration: configuration) }
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}

import ExamplePlanners
import PlannerKit
import Testing

@Suite struct BlocksWorldPlannerErrorTests {
    @Test(arguments: [
        ("stack", nil, "names no blocks"),
        ("stack a on", nil, "ends without saying what the block stands on"),
        ("stack a b", nil, "needs \"on\" before \"b\""),
        ("stack a on table on b", nil, "puts something on the table's top"),
        ("stack the on a", nil, "uses \"the\" where a block name belongs"),
        ("stack a on b, b on a", nil, "in a cycle: a on b on a"),
        ("stack a on a", nil, "in a cycle: a on a"),
        ("stack a on b, c on b", nil, "puts both a and c on b"),
        ("stack a on b, a on c", nil, "puts a both on b and on c"),
        ("stack a on d", "a, b", "mentions d, which the initial state (parameter \"initial\") does not"),
        ("stack a on b", "a on b, b on a", "The initial state (parameter \"initial\") stacks blocks in a cycle"),
        ("stack a on b", "a on", "In the initial state (parameter \"initial\")"),
    ] as [(String, String?, String)])
    func rejectsInvalidObjectives(text: String, initial: String?, fragment: String) {
        let error = #expect(throws: PlanningError.self) {
            try BlocksWorldPlanner().plan(Objective(text: text, parameters: initial.map { ["initial": $0] } ?? [:]))
        }
        #expect(error?.code == .invalidObjective)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }

    @Test func givesUpAtTheNodeLimit() throws {
        let planner = try BlocksWorldPlanner(configuration: ["nodeLimit": 2])
        let error = #expect(throws: PlanningError.self) {
            try planner.plan(Objective(text: "stack d on c on b on a", parameters: ["initial": "a on b on c on d, e, f"]))
        }
        #expect(error?.code == .limitReached)
        #expect(error?.message.contains("nodeLimit 2") == true)
    }

    @Test func refusesTooManyBlocks() {
        let names = (0...BlocksWorldPlanner.maxBlocks).map { "b\($0)" }
        let error = #expect(throws: PlanningError.self) {
            try BlocksWorldPlanner().plan(Objective(text: "stack " + names.joined(separator: ", ")))
        }
        #expect(error?.code == .limitReached)
    }

    @Test(arguments: [[:], ["nodeLimit": 10]] as [PlannerConfiguration])
    func acceptsItsConfiguration(configuration: PlannerConfiguration) throws {
        let planner = try BlocksWorldPlanner(configuration: configuration)
        #expect(planner.nodeLimit == (configuration["nodeLimit"]?.intValue ?? BlocksWorldPlanner.defaultNodeLimit))
    }

    @Test(arguments: [
        (["limit": 10], "unknown configuration key \"limit\" for planner blocks-world"),
        (["nodeLimit": 0], "\"nodeLimit\" for planner blocks-world must be a whole number of at least 1, found 0"),
        (["nodeLimit": 2.5], "must be a whole number of at least 1, found 2.5"),
        (["nodeLimit": "10"], "must be a whole number of at least 1, found a string"),
    ] as [(PlannerConfiguration, String)])
    func rejectsABadConfigurationNamingTheKey(configuration: PlannerConfiguration, fragment: String) {
        let error = #expect(throws: DataFormatError.self) { try BlocksWorldPlanner(configuration: configuration) }
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}

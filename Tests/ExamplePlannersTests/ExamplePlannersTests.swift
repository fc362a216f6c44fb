import ExamplePlanners
import PlannerKit
import Testing

@Suite struct ExamplePlannersTests {
    @Test func listsBothPlannersWithDistinctNames() {
        #expect(ExamplePlanners.all.map { $0.descriptor.name } == ["grid-astar", "blocks-world"])
    }

    @Test func everyPlannerTakesAnEmptyConfigurationAndIsHealthy() throws {
        for type in ExamplePlanners.all {
            let planner = try type.init(configuration: [:])
            #expect(planner.health().isHealthy)
            #expect(type.descriptor.isThreadSafe)
        }
    }
}

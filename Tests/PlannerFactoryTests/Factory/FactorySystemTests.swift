import PlannerKit
import Testing
@testable import PlannerFactory

/// The process-wide default is shared state: these tests run one at a time.
@Suite(.serialized) struct FactorySystemTests {
    @Test func convenienceAPIForwardsToTheSwappedFactory() throws {
        let factory = PlannerFactory(builtins: [BuiltinPlanner(EchoPlanner.self)])
        try FactorySystem.withFactory(factory) {
            #expect(try FactorySystem.factory() === factory)
            try FactorySystem.discover()
            #expect(try FactorySystem.selectBestPlanner(capabilities: ["echo"]).winner.name == "echo")
            #expect(try FactorySystem.plan(Objective(text: "hi"), using: "echo").steps == ["hi"])
            #expect(try FactorySystem.planners().count == 1)
        }
        #expect(factory.telemetry.snapshot().selection.count == 1)
        let other = PlannerFactory()
        FactorySystem.withFactory(other) {
            #expect(throws: FactoryError(.noActivePlanners, "")) { try FactorySystem.selectBestPlanner() }
        }
    }
}

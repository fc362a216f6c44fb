import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// A running plan in the update function: its elapsed time on the message line, Esc cancels it,
/// and what was said while it ran is cleared when it ends.
@Suite struct AppUpdatePlanningTests {
    static func model(frozen: Bool) throws -> AppModel {
        var model = try TestFactory().model(width: 80, height: 24)
        model.isFrozen = frozen
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "grid-astar" })
        return model
    }

    @Test func aRunningPlanShowsItsTimeAndEscCancelsIt() throws {
        var model = try Self.model(frozen: false)
        #expect(AppUpdate.update(&model, .input(.key(.enter))) == [.plan(planner: "grid-astar", objective: "", capabilities: [])])
        #expect(model.activities[.planning] == "planning with grid-astar… Esc cancels")
        _ = AppUpdate.update(&model, .planTick(planner: "grid-astar", elapsed: .seconds(12)))
        #expect(model.activities[.planning] == "planning with grid-astar 12 s… Esc cancels")
        #expect(AppUpdate.update(&model, .input(.key(.enter))).isEmpty, "one plan at a time per planner")
        #expect(AppUpdate.update(&model, .input(.key(.escape))) == [.cancelPlans(["grid-astar"])])
        #expect(model.message?.text == "Cancelling the plan of grid-astar…")
        model.health["grid-astar"] = HealthReport.Check(name: "grid-astar", status: .active, isHealthy: nil, detail: "busy in plan", isBusy: true)
        _ = AppUpdate.update(&model, .planned(AppModel.PlanResult(planner: "grid-astar", objective: "", plan: nil, error: "cancelled", timings: [])))
        #expect(model.activities[.planning] == nil)
        #expect(model.message == nil)
        #expect(model.health["grid-astar"] == nil, "the busy mark went with the plan")
        #expect(AppUpdate.update(&model, .input(.key(.escape))).isEmpty, "Esc closes the result; nothing left to cancel")
        #expect(model.planResult == nil)
    }

    @Test func frozenScreensHideTheElapsedTime() throws {
        var model = try Self.model(frozen: true)
        _ = AppUpdate.update(&model, .input(.key(.enter)))
        _ = AppUpdate.update(&model, .planTick(planner: "grid-astar", elapsed: .seconds(3)))
        #expect(model.activities[.planning] == "planning with grid-astar –… Esc cancels")
    }
}

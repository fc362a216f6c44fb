import NativePlanner
import PDDL
import PlannerKit
import Testing

/// Helpers shared by the planner tests.
enum Planning {
    /// The planning error a call throws, or nil when it throws none or another kind.
    static func error(_ body: () throws -> Plan) -> PlanningError? {
        do {
            _ = try body()
            return nil
        } catch let error as PlanningError {
            return error
        } catch {
            return nil
        }
    }

    /// Expects a plan to be valid for the task with the cost the planner reported.
    static func expectValid(_ plan: Plan, for task: ParsedTask, sourceLocation: SourceLocation = #_sourceLocation) {
        let report = PlanValidator.validate(plan.steps, for: task)
        guard case .valid(let cost) = report else {
            Issue.record("\(plan.planner) made an invalid plan: \(report)", sourceLocation: sourceLocation)
            return
        }
        #expect(plan.cost == cost, "the planner's cost differs from the validator's", sourceLocation: sourceLocation)
    }

    static func objective(domain: String, problem: String, deadline: Double? = nil) -> Objective {
        Objective(text: "a test task", deadline: deadline, task: PlanningTask(domain: domain, problem: problem))
    }
}

import PDDL
import PlannerKit

/// What the factory does with every plan an instance returns before its caller sees it: a plan
/// for a PDDL task is validated (unless `FactoryConfiguration.validatesPlans` is off); an invalid
/// plan is a fault of the planner, which counts toward its quarantine like a crash. The outcome
/// is added to the plan's stats as `"validation"`: `{"result": "valid", "cost": 24}` or
/// `{"result": "unverified", "reason": "…"}`.
struct PlanCheck: Sendable {
    /// Whether PDDL plans are validated.
    var validates = true
    /// Told of a plan call that the planner answered properly (its fault count starts again).
    var onAnswer: @Sendable () -> Void = {}
    /// Told of an invalid plan; returns a note for the error (that it is now quarantined).
    var onFault: @Sendable (WorkerFault) -> String? = { _ in nil }

    /// The plan with its validation in its stats.
    /// - Throws: `FactoryError.invalidPlan` naming the step that fails, or the goal atoms left unmet.
    func checked(_ plan: Plan, for objective: Objective, planner: String) throws(FactoryError) -> Plan {
        guard validates, let source = objective.task, source.format == PlanningTask.pddlFormat else {
            onAnswer()
            return plan
        }
        let task: ParsedTask
        do {
            task = try PDDLParser.parseTask(domain: source.domain, problem: source.problem)
        } catch {
            // The task itself is not valid PDDL: nothing to hold the plan against, and not the
            // planner's fault (it should have said invalid-objective).
            onAnswer()
            var plan = plan
            plan.stats["validation"] = .object(["result": "unverified", "reason": .string("the task does not parse: \(error.description)")])
            return plan
        }
        var checked = plan
        switch PlanValidator.validate(plan.steps, for: task) {
        case .valid(let cost):
            onAnswer()
            checked.stats["validation"] = .object(["result": "valid", "cost": .number(cost)])
        case .unverified(let reason):
            onAnswer()
            checked.stats["validation"] = .object(["result": "unverified", "reason": .string(reason)])
        case .invalid(let step, let reason):
            let note = onFault(WorkerFault(phase: "plan", what: "returned an invalid plan"))
            var context = ["planner": planner, "objective": objective.text]
            context["step"] = step.map(String.init)
            throw FactoryError(.invalidPlan, "Planner \"\(planner)\" returned an invalid plan for \(objective.text): \(reason)." + (note.map { " " + $0 } ?? ""),
                               context: context)
        }
        return checked
    }
}

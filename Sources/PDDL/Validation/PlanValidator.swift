/// Checks sequential plans against a task, step by step.
///
/// Semantics: the initial state is closed-world (the atoms of `:init`, nothing else); `=` is
/// object identity; quantifiers range over the objects of the variable's type (constants
/// included); a step's conditional effects are evaluated in the state before the step; deletes
/// apply before adds, so an atom both deleted and added stays true.
///
/// Tasks with derived predicates, numeric fluents (beyond action costs) or durative actions are
/// ``ValidationReport/unverified(reason:)``, never invalid.
///
/// ```swift
/// PlanValidator.validate(["(pick-up a)", "(stack a b)"], for: task)   // .valid(cost: 2)
/// ```
public enum PlanValidator {
    /// Validates a sequential plan.
    ///
    /// The cost is the sum of the steps' `(increase (total-cost) …)` amounts (a number, or a
    /// function's value from `:init`) when the domain has such effects or the problem's metric is
    /// `minimize (total-cost)`; otherwise it is the number of steps (every action costs 1).
    /// - Parameters:
    ///   - steps: ground actions in PDDL syntax, `"(pick-up a)"` (any case, extra spaces allowed).
    ///   - task: the task.
    /// - Returns: valid with the cost; invalid with the first faulty step (1-based) and why (a
    ///   step that does not parse, an unknown action, a wrong number of arguments, an argument
    ///   that is not an object of the parameter's type, the first false part of a precondition,
    ///   a cost without a value), or with no step and the goal's false parts; unverified when
    ///   the task uses features this validator does not evaluate.
    public static func validate(_ steps: [String], for task: ParsedTask) -> ValidationReport {
        if let reason = unverifiedReason(TaskFeatures(task)) { return .unverified(reason: reason) }
        var actions: [String: Action] = [:]
        for action in task.domain.actions where actions[action.name] == nil { actions[action.name] = action }
        var members: [TypeSpec: Set<String>] = [:]
        let allObjects = Set(task.objects)
        var evaluator = StateEvaluator(task: task)
        let hasCosts = task.hasActionCosts
        var cost = 0.0
        for (offset, text) in steps.enumerated() {
            let number = offset + 1
            let step: PlanStep
            do {
                step = try PlanStep(parsing: text)
            } catch {
                return .invalid(step: number, reason: "step \(number) '\(text)' is not a ground action in PDDL syntax such as (pick-up a): \(error.message)")
            }
            let prefix = "step \(number) \(step)"
            guard let action = actions[step.action] else {
                let names = task.domain.actions.map(\.name).joined(separator: ", ")
                return .invalid(step: number, reason: "\(prefix): unknown action '\(step.action)'; the domain's actions are: \(names)")
            }
            guard action.parameters.count == step.arguments.count else {
                let parameters = action.parameters.map(\.variableDescription).joined(separator: " ")
                return .invalid(
                    step: number,
                    reason: "\(prefix): action '\(action.name)' takes \(ReferenceChecker.arguments(action.parameters.count)) (\(parameters)), not \(step.arguments.count)")
            }
            var bindings: [String: String] = [:]
            for (parameter, object) in zip(action.parameters, step.arguments) {
                guard allObjects.contains(object) else {
                    return .invalid(step: number, reason: "\(prefix): '\(object)' is not an object of the task")
                }
                if members[parameter.type] == nil { members[parameter.type] = Set(task.objects(of: parameter.type)) }
                guard members[parameter.type]?.contains(object) == true else {
                    return .invalid(step: number, reason: "\(prefix): '\(object)' is not of type \(parameter.type), the type of ?\(parameter.name)")
                }
                bindings[parameter.name] = object
            }
            guard evaluator.holds(action.precondition, bindings) else {
                return .invalid(step: number, reason: "\(prefix): precondition \(evaluator.whyFalse(action.precondition, bindings))")
            }
            var outcome = StateEvaluator.Outcome()
            if let failure = evaluator.collect(action.effect, bindings, into: &outcome) {
                return .invalid(step: number, reason: "\(prefix): \(failure)")
            }
            evaluator.apply(outcome)
            cost += hasCosts ? outcome.cost : 1
        }
        guard evaluator.holds(task.problem.goal, [:]) else {
            let parts = evaluator.falseParts(of: task.problem.goal, [:])
            let verb = parts.count == 1 ? "is" : "are"
            return .invalid(step: nil, reason: "the goal is not reached: \(parts.joined(separator: ", ")) \(verb) false")
        }
        return .valid(cost: cost)
    }

    /// Why a task cannot be validated here, or `nil`.
    static func unverifiedReason(_ features: TaskFeatures) -> String? {
        let unsupported: [(Feature, String)] = [
            (.derivedPredicates, "derived predicates"), (.numericFluents, "numeric fluents"), (.durativeActions, "durative actions"),
        ]
        let names = unsupported.filter { features.used.contains($0.0) }.map(\.1)
        guard !names.isEmpty else { return nil }
        return "the task uses \(names.joined(separator: " and ")), which this validator does not evaluate"
    }

}

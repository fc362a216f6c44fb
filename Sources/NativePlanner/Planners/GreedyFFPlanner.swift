import PDDL
import PlannerKit

/// `native-gbfs`: a satisficing planner for PDDL tasks — greedy best-first search with the FF
/// heuristic and preferred operators over the task grounded by relaxed reachability.
///
/// Supports STRIPS, typing (`either` included), negative preconditions, equality, disjunctive,
/// existential and universal preconditions and goals (compiled into one ground action per
/// disjunct of the precondition's normal form), conditional effects (`when`, and `forall` in
/// effects), and action costs (ignored for guidance; the plan's cost is their sum). Derived
/// predicates, numeric fluents and durative actions are `unsupported`.
///
/// Deterministic: the same task gives the same plan. Checks its stop every 64 heuristic
/// evaluations.
///
/// ```swift
/// let planner = GreedyFFPlanner()
/// let plan = try planner.plan(Objective(text: "blocks", task: PlanningTask(domain: d, problem: p)), stop: PlanningStop())
/// plan.steps   // ["(unstack b a)", "(put-down b)", …]
/// ```
public struct GreedyFFPlanner: InterruptiblePlanner {
    /// `native-gbfs` 1.0.0.
    public static let descriptor = PlannerDescriptor(
        name: "native-gbfs",
        version: "1.0.0",
        summary: "Satisficing PDDL planner in Swift: greedy best-first search with h_FF and preferred operators.",
        capabilities: [
            "pddl", "pddl:strips", "pddl:typing", "pddl:negative-preconditions", "pddl:equality", "pddl:action-costs",
            "pddl:conditional-effects", "pddl:existential-preconditions", "pddl:universal-preconditions",
            "pddl:disjunctive-preconditions",
        ],
        keywords: ["pddl", "satisficing", "fast", "greedy"],
        rank: 3,
        isThreadSafe: true
    )

    /// Creates the planner.
    public init() {}

    /// Creates the planner from a configuration, which must be empty.
    /// - Throws: `DataFormatError` naming any key given.
    public init(configuration: PlannerConfiguration) throws {
        try TaskLoader.requireEmpty(configuration, planner: Self.descriptor.name)
    }

    /// Finds a plan for the objective's PDDL task.
    /// - Parameters:
    ///   - objective: an objective whose `task` is a PDDL domain and problem.
    ///   - stop: the deadline and cancellation.
    /// - Returns: the plan, its cost and stats (`expanded`, `generated`, `evaluated`,
    ///   `groundActions`, `facts`, `groundingTimeMs`, `searchTimeMs`, `length`).
    /// - Throws: `PlanningError` `.invalidObjective` (no task, a parse error), `.unsupported`
    ///   (a feature named), `.unsolvable` (relaxed goal unreachable or search space exhausted),
    ///   `.limitReached` (deadline); `CancellationError` when cancelled.
    public func plan(_ objective: Objective, stop: PlanningStop) throws -> Plan {
        let name = Self.descriptor.name
        let loaded = try TaskLoader.load(objective, planner: name, stop: stop)
        let start = ContinuousClock.now
        let compiled = CompiledTask(loaded.ground)
        var search = GreedyBestFirstSearch(task: compiled, relaxed: RelaxedTask(loaded.ground))
        let result = try search.run(stop: stop)
        return TaskLoader.plan(result, for: loaded, planner: name, searchMilliseconds: TaskLoader.milliseconds(since: start))
    }
}

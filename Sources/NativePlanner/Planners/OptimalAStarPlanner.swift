import PDDL
import PlannerKit

/// `native-astar`: an optimal planner for PDDL tasks — A* with LM-cut (h_max on tasks with
/// conditional effects) over the task grounded by relaxed reachability.
///
/// Supports the same features as ``GreedyFFPlanner``; plans have the least total cost (the
/// fewest steps without action costs). Derived predicates, numeric fluents and durative actions
/// are `unsupported`. Deterministic; checks its stop every 16 heuristic evaluations.
public struct OptimalAStarPlanner: InterruptiblePlanner {
    /// `native-astar` 1.0.0.
    public static let descriptor = PlannerDescriptor(
        name: "native-astar",
        version: "1.0.0",
        summary: "Optimal PDDL planner in Swift: A* with the LM-cut heuristic (h_max with conditional effects).",
        capabilities: [
            "pddl", "pddl:strips", "pddl:typing", "pddl:negative-preconditions", "pddl:equality", "pddl:action-costs",
            "pddl:conditional-effects", "pddl:existential-preconditions", "pddl:universal-preconditions",
            "pddl:disjunctive-preconditions", "optimal",
        ],
        keywords: ["pddl", "optimal", "astar", "lmcut"],
        rank: 2,
        isThreadSafe: true
    )

    /// Creates the planner.
    public init() {}

    /// Creates the planner from a configuration, which must be empty.
    /// - Throws: `DataFormatError` naming any key given.
    public init(configuration: PlannerConfiguration) throws {
        try TaskLoader.requireEmpty(configuration, planner: Self.descriptor.name)
    }

    /// Finds a plan of least cost for the objective's PDDL task.
    /// - Parameters:
    ///   - objective: an objective whose `task` is a PDDL domain and problem.
    ///   - stop: the deadline and cancellation.
    /// - Returns: the plan, its cost and stats (as ``GreedyFFPlanner``, plus `optimal`: true and
    ///   `heuristic`: `lmcut` or `hmax`).
    /// - Throws: as ``GreedyFFPlanner/plan(_:stop:)``.
    public func plan(_ objective: Objective, stop: PlanningStop) throws -> Plan {
        let name = Self.descriptor.name
        let loaded = try TaskLoader.load(objective, planner: name, stop: stop)
        let start = ContinuousClock.now
        var search = AStarSearch(task: CompiledTask(loaded.ground), relaxed: RelaxedTask(loaded.ground))
        let result = try search.run(stop: stop)
        let heuristic = search.heuristic.mode == .landmarkCut ? "lmcut" : "hmax"
        return TaskLoader.plan(
            result, for: loaded, planner: name, searchMilliseconds: TaskLoader.milliseconds(since: start),
            extra: ["optimal": .bool(true), "heuristic": .string(heuristic)])
    }
}

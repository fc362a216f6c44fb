import PlannerKit

/// One request of the service's stream: an objective with the capabilities it needs, selected
/// for every time it comes round, and planned for when `plans` says so.
struct WorkItem: Sendable {
    /// The objective as the selected planner gets it (its text is also what selection ranks by).
    var objective: Objective
    /// Whether the winner is also asked for a plan (`planner(named:)`, then `plan`).
    var plans: Bool

    init(_ text: String, capabilities: [String], parameters: [String: String] = [:], task: PlanningTask? = nil, plans: Bool) {
        objective = Objective(text: text, capabilities: capabilities, parameters: parameters, task: task)
        self.plans = plans
    }
}

extension WorkItem {
    /// The fixed cycle the service goes round, the same in every run: requests for the builtin
    /// planners (`grid-astar`, `blocks-world`, `native-gbfs`), for the example plugins when the
    /// plugin path has them (`echo-py` and `grid-greedy-c` in workers; without them these
    /// selections fail), and two no planner can serve, so failures show too. Half of them plan;
    /// every plan is small (milliseconds at most).
    static let cycle: [WorkItem] = [
        WorkItem("route from 0,0 to 7,3", capabilities: ["grid"], plans: true),
        WorkItem("stack a on b on c", capabilities: ["blocks"], parameters: ["initial": "c on a, a on table, b on table"], plans: true),
        WorkItem("say hello", capabilities: ["echo"], plans: true),
        WorkItem("route from 0,0 to 9,5", capabilities: ["grid", "fast"], plans: true),
        WorkItem("move the shuttle from a to d", capabilities: ["pddl", "pddl:strips"], task: ShuttleTask.task, plans: true),
        WorkItem("teleport to the moon", capabilities: ["teleport"], plans: false),
        WorkItem("navigate around the walls", capabilities: ["route", "2d"], plans: false),
        WorkItem("schedule the night shift", capabilities: ["scheduling", "calendar"], plans: false),
        WorkItem("unstack the tower", capabilities: ["blocks", "symbolic"], plans: false),
        WorkItem("find the optimal path", capabilities: ["optimal"], plans: false),
    ]
}

/// A PDDL task small enough to plan in well under a millisecond: a shuttle moving along a line
/// of four stops.
enum ShuttleTask {
    static let task = PlanningTask(domain: domain, problem: problem)

    static let domain = """
        (define (domain shuttle)
          (:requirements :strips)
          (:predicates (at ?stop) (next ?from ?to))
          (:action move
            :parameters (?from ?to)
            :precondition (and (at ?from) (next ?from ?to))
            :effect (and (at ?to) (not (at ?from)))))
        """

    static let problem = """
        (define (problem shuttle-to-d)
          (:domain shuttle)
          (:objects a b c d)
          (:init (at a) (next a b) (next b c) (next c d))
          (:goal (at d)))
        """
}

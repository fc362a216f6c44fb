import PDDL
import PlannerKit

/// Reads and grounds the PDDL task an objective carries, and turns a search's result into a
/// ``Plan``: the steps every native planner shares.
enum TaskLoader {
    /// A grounded task with what it took to make it.
    struct Loaded {
        var parsed: ParsedTask
        var ground: GroundTask
        var groundingMilliseconds: Double
    }

    /// Parses and grounds the objective's task.
    /// - Throws: `PlanningError(.invalidObjective)` without a task, for a format other than
    ///   `pddl`, or for text that does not parse (the message has the line and column); the
    ///   grounder's errors.
    static func load(_ objective: Objective, planner: String, stop: PlanningStop) throws -> Loaded {
        guard let task = objective.task else {
            throw PlanningError(.invalidObjective, "\(planner) plans for PDDL tasks: the objective carries no task ({\"format\": \"pddl\", \"domain\": …, \"problem\": …})")
        }
        guard task.format.lowercased() == PlanningTask.pddlFormat else {
            throw PlanningError(.invalidObjective, "\(planner) reads tasks in the format \"pddl\", not \"\(task.format)\"")
        }
        let start = ContinuousClock.now
        let parsed: ParsedTask
        do {
            parsed = try PDDLParser.parseTask(domain: task.domain, problem: task.problem)
        } catch {
            throw PlanningError(.invalidObjective, "the PDDL task does not parse: \(error)")
        }
        let ground = try Grounder.ground(parsed, stop: stop)
        return Loaded(parsed: parsed, ground: ground, groundingMilliseconds: milliseconds(since: start))
    }

    /// The plan for a search result: steps in PDDL syntax (artificial actions left out), the
    /// cost (the sum of action costs; the number of steps without costs), and statistics.
    static func plan(
        _ result: SearchResult, for loaded: Loaded, planner: String, searchMilliseconds: Double, extra: [String: JSONValue] = [:]
    ) -> Plan {
        let actions = result.actions.map { loaded.ground.actions[$0] }.filter { !$0.isArtificial }
        let cost = actions.reduce(0.0) { $0 + $1.cost }
        var stats: [String: JSONValue] = [
            "expanded": .number(Double(result.statistics.expanded)),
            "generated": .number(Double(result.statistics.generated)),
            "evaluated": .number(Double(result.statistics.evaluated)),
            "groundActions": .number(Double(loaded.ground.actions.count)),
            "facts": .number(Double(loaded.ground.facts.count)),
            "groundingTimeMs": .number(loaded.groundingMilliseconds),
            "searchTimeMs": .number(searchMilliseconds),
            "length": .number(Double(actions.count)),
        ]
        for (key, value) in extra { stats[key] = value }
        return Plan(planner: planner, steps: actions.map(\.name), cost: cost, stats: stats)
    }

    /// Milliseconds since an instant.
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// Checks that a configuration is empty.
    /// - Throws: `DataFormatError` naming the keys.
    static func requireEmpty(_ configuration: PlannerConfiguration, planner: String) throws {
        guard configuration.isEmpty else {
            let keys = configuration.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw DataFormatError("\(planner) takes no configuration, but was given \(keys)")
        }
    }
}

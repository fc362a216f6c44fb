import PlannerKit

/// Moves a shuttle along a line of numbered stops, a stride of stops at a time.
struct ShuttlePlanner: Planner {
    /// What the factory ranks by. planner.json must say the same: the name and the capabilities
    /// are checked against it when the plugin is probed; keep the rest equal yourself.
    static let descriptor = PlannerDescriptor(
        name: "shuttle-swift", version: "1.0.0", summary: "Moves a shuttle along numbered stops, a stride at a time",
        capabilities: ["line", "route"], keywords: ["shuttle", "stop"], rank: 5,
        boosts: ["line": 2, "express": 1.5], isThreadSafe: true)

    /// The most moves a plan may take: the configuration's "maxMoves", 1000 when it has none.
    let maxMoves: Int

    init(configuration: PlannerConfiguration) throws {
        guard let value = configuration["maxMoves"] else {
            maxMoves = 1000
            return
        }
        guard let moves = value.intValue, moves > 0 else {
            throw PlanningError(.invalidObjective, "maxMoves must be a whole number above 0, not \(value.serialized())")
        }
        maxMoves = moves
    }

    func plan(_ objective: Objective) throws -> Plan {
        // The objective's words: "from 2 to 9".
        let words = objective.words
        guard words.count == 4, words[0] == "from", words[2] == "to", let start = Int(words[1]), let goal = Int(words[3]) else {
            throw PlanningError(.invalidObjective, "expected an objective like \"from 2 to 9\", not \"\(objective.text)\"")
        }
        // Parameters are strings (`--param stride=3`); this one is optional.
        let stride = Int(objective.parameters["stride"] ?? "1") ?? 0
        guard stride > 0 else {
            throw PlanningError(.invalidObjective, "the parameter stride must be a whole number above 0")
        }
        var steps: [String] = []
        var stop = start
        while stop != goal {
            guard steps.count < maxMoves else {
                throw PlanningError(.limitReached, "the shuttle needs more than \(maxMoves) moves")
            }
            stop += (goal - stop).signum() * min(stride, abs(goal - stop))
            steps.append("move to stop \(stop)")
        }
        // The cost and any statistics travel with the plan to the caller (`factory plan --json`).
        return Plan(
            planner: Self.descriptor.name, steps: steps, cost: Double(steps.count),
            stats: ["moves": .number(Double(steps.count)), "stride": .number(Double(stride)), "direct": .bool(stride == 1)])
    }
}

/// The entry point the factory looks up: the planner's table of C functions.
@_cdecl("planner_plugin_entry")
public func plannerPluginEntry() -> UnsafeRawPointer { PluginExport.table(for: ShuttlePlanner.self) }

import PlannerFactory
import PlannerKit

/// A builtin planner for tests: plans one step, the objective's text.
struct EchoPlanner: Planner {
    static let descriptor = PlannerDescriptor(
        name: "echo", version: "1.0.0", summary: "Repeats the objective", capabilities: ["echo", "Text "],
        keywords: ["say"], rank: 1, boosts: ["text": 2])

    init(configuration: PlannerConfiguration) throws {
        if configuration["fail"]?.boolValue == true {
            throw PlanningError(.invalidObjective, "configured to fail")
        }
    }

    func plan(_ objective: Objective) throws -> Plan {
        guard !objective.text.isEmpty else { throw PlanningError(.invalidObjective, "the objective is empty") }
        return Plan(planner: "echo", steps: [objective.text], cost: 1)
    }
}

extension BuiltinPlanner {
    /// A builtin with the given name and capabilities that echoes.
    static func stub(_ name: String, capabilities: [String] = [], rank: Int = 0) -> BuiltinPlanner {
        BuiltinPlanner(
            descriptor: PlannerDescriptor(name: name, version: "1.0.0", capabilities: capabilities, rank: rank),
            make: { try EchoPlanner(configuration: $0) })
    }
}

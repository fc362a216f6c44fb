/// What a planner returns: the steps, their cost when the planner knows it, and free-form stats.
///
/// JSON form: `{"planner": "grid-astar", "steps": ["move east to 1,0"], "cost": 1, "stats": {"expanded": 4}}`.
public struct Plan: Sendable, Hashable {
    /// The name of the planner that made the plan.
    public var planner: String
    /// The steps in order, each a human-readable action.
    public var steps: [String]
    /// The total cost, or `nil` when the planner does not measure cost.
    public var cost: Double?
    /// Anything else the planner reports (nodes expanded, whether the plan is optimal, …).
    public var stats: [String: JSONValue]

    public init(planner: String, steps: [String], cost: Double? = nil, stats: [String: JSONValue] = [:]) {
        self.planner = planner
        self.steps = steps
        self.cost = cost
        self.stats = stats
    }
}

extension Plan {
    /// The JSON form of the plan.
    public var json: JSONValue {
        .object([
            "planner": .string(planner),
            "steps": .array(steps.map(JSONValue.string)),
            "cost": cost.map(JSONValue.number) ?? .null,
            "stats": .object(stats),
        ])
    }

    /// Reads a plan from its JSON form.
    /// - Throws: `DataFormatError` naming the field that is wrong.
    public init(json: JSONValue) throws(DataFormatError) {
        guard let object = json.objectValue else { throw DataFormatError("a plan must be a JSON object, not \(json.typeDescription)") }
        guard let planner = object["planner"]?.stringValue else { throw DataFormatError("a plan needs \"planner\", a string") }
        guard let stepValues = object["steps"]?.arrayValue else { throw DataFormatError("a plan needs \"steps\", an array of strings") }
        var steps: [String] = []
        for step in stepValues {
            guard let string = step.stringValue else { throw DataFormatError("\"steps\" must hold strings, found \(step.typeDescription)") }
            steps.append(string)
        }
        var cost: Double? = nil
        if let value = object["cost"], !value.isNull {
            guard let number = value.numberValue else { throw DataFormatError("\"cost\" must be a number or null") }
            cost = number
        }
        var stats: [String: JSONValue] = [:]
        if let value = object["stats"], !value.isNull {
            guard let members = value.objectValue else { throw DataFormatError("\"stats\" must be an object") }
            stats = members
        }
        self.init(planner: planner, steps: steps, cost: cost, stats: stats)
    }
}

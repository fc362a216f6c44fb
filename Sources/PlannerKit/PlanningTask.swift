/// A task in a planning language that an objective carries for planners that read one: today a
/// PDDL domain and problem, as text.
///
/// JSON form: `{"format": "pddl", "domain": "(define (domain …) …)", "problem": "(define (problem …) …)"}`.
/// Planners that do not read tasks ignore it. A plan for a PDDL task lists its steps as ground
/// actions in PDDL syntax, lower case, one per step: `"(pick-up a)"`.
public struct PlanningTask: Sendable, Hashable {
    /// The language of the task: `"pddl"`.
    public var format: String
    /// The domain's text.
    public var domain: String
    /// The problem's text.
    public var problem: String

    /// The format of PDDL tasks.
    public static let pddlFormat = "pddl"

    public init(format: String = PlanningTask.pddlFormat, domain: String, problem: String) {
        self.format = format
        self.domain = domain
        self.problem = problem
    }

    /// The JSON form of the task.
    public var json: JSONValue {
        .object(["format": .string(format), "domain": .string(domain), "problem": .string(problem)])
    }

    /// Reads a task from its JSON form.
    /// - Throws: `DataFormatError` naming the field that is wrong.
    public init(json: JSONValue) throws(DataFormatError) {
        guard let object = json.objectValue else { throw DataFormatError("\"task\" must be a JSON object, not \(json.typeDescription)") }
        for field in ["format", "domain", "problem"] where object[field]?.stringValue == nil {
            throw DataFormatError("\"task\" needs \"\(field)\", a string")
        }
        self.init(format: object["format"]?.stringValue ?? "", domain: object["domain"]?.stringValue ?? "", problem: object["problem"]?.stringValue ?? "")
    }
}

/// What a planner is asked to achieve: a free-text objective, the capabilities it requires, and
/// string parameters.
///
/// JSON form: `{"text": "route from 0,0 to 7,3", "capabilities": ["grid"], "parameters": {"map": "..."},
/// "deadline": 5, "task": {"format": "pddl", "domain": "…", "problem": "…"}}` (`deadline` and
/// `task` optional).
public struct Objective: Sendable, Hashable {
    /// The objective in words, e.g. `"stack a on b on c"`.
    public var text: String
    /// The capabilities the caller requires of the planner.
    public var capabilities: [String]
    /// Named string parameters, e.g. a map for a grid planner.
    public var parameters: [String: String]
    /// A deadline in seconds for planning, shorter than the factory's `FACTORY_PLAN_TIMEOUT`
    /// (which wins when it is shorter). Enforced on isolated planners; an in-process planner
    /// cannot be interrupted and should stop on its own. `nil`: the factory's deadline.
    public var deadline: Double?
    /// The task to plan for, for planners that read tasks (PDDL): `nil` for an objective in
    /// words. Planners that do not read tasks ignore it.
    public var task: PlanningTask?

    public init(text: String, capabilities: [String] = [], parameters: [String: String] = [:], deadline: Double? = nil,
                task: PlanningTask? = nil) {
        self.text = text
        self.capabilities = capabilities
        self.parameters = parameters
        self.deadline = deadline
        self.task = task
    }

    /// The lower-cased words of `text` (letters, digits, `_` and `-`), in order.
    public var words: [String] {
        Objective.words(of: text)
    }

    /// Splits a text into lower-cased words of letters, digits, `_` and `-`.
    public static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension Objective {
    /// The JSON form of the objective.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "text": .string(text),
            "capabilities": .array(capabilities.map(JSONValue.string)),
            "parameters": .object(parameters.mapValues(JSONValue.string)),
        ]
        if let deadline { members["deadline"] = .number(deadline) }
        if let task { members["task"] = task.json }
        return .object(members)
    }

    /// Reads an objective from its JSON form. `capabilities` and `parameters` are optional.
    /// - Throws: `DataFormatError` naming the field that is wrong.
    public init(json: JSONValue) throws(DataFormatError) {
        guard let object = json.objectValue else { throw DataFormatError("an objective must be a JSON object, not \(json.typeDescription)") }
        guard let text = object["text"]?.stringValue else { throw DataFormatError("an objective needs \"text\", a string") }
        var capabilities: [String] = []
        if let value = object["capabilities"], !value.isNull {
            guard let array = value.arrayValue else { throw DataFormatError("\"capabilities\" must be an array of strings") }
            for element in array {
                guard let string = element.stringValue else { throw DataFormatError("\"capabilities\" must be an array of strings, found \(element.typeDescription)") }
                capabilities.append(string)
            }
        }
        var parameters: [String: String] = [:]
        if let value = object["parameters"], !value.isNull {
            guard let members = value.objectValue else { throw DataFormatError("\"parameters\" must be an object of strings") }
            for (key, element) in members {
                guard let string = element.stringValue else { throw DataFormatError("parameter \"\(key)\" must be a string, found \(element.typeDescription)") }
                parameters[key] = string
            }
        }
        var deadline: Double?
        if let value = object["deadline"], !value.isNull {
            guard let seconds = value.numberValue, seconds > 0, seconds.isFinite else {
                throw DataFormatError("\"deadline\" must be a number of seconds greater than 0, not \(JSONParseError.excerpt(value.serialized()))")
            }
            deadline = seconds
        }
        var task: PlanningTask?
        if let value = object["task"], !value.isNull { task = try PlanningTask(json: value) }
        self.init(text: text, capabilities: capabilities, parameters: parameters, deadline: deadline, task: task)
    }
}

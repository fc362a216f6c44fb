import PlannerKit

/// Validates the fields of a manifest one after another, remembering the name once it is known
/// to be usable. Values quoted in messages are escaped and cut (`TerminalText.quoted`).
struct ManifestFieldReader {
    let file: String
    let document: ManifestDocument
    private(set) var usableName: String?

    init(file: String, document: ManifestDocument) {
        self.file = file
        self.document = document
    }

    func problem(_ field: String?, _ detail: String) -> ManifestProblem {
        ManifestProblem(file: file, field: field, detail: detail, usableName: usableName)
    }

    mutating func manifest() throws(ManifestProblem) -> PlannerManifest {
        let object = document.known
        if let schema = object["schema"], wholeNumber("schema", limit: 1_000_000) != 1 {
            throw problem("schema", "schema \(shown(schema, "schema")) is not supported; this factory reads schema 1")
        }
        let name = try requiredString(object, "name")
        guard PlannerName.isValid(name) else {
            throw problem("name", "\(TerminalText.quoted(name)) is not a valid planner name (\(PlannerName.rule))")
        }
        usableName = name
        let version = try requiredString(object, "version")
        guard SemanticVersion.isValid(version) else {
            throw problem("version", "\(TerminalText.quoted(version)) is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.2.0)")
        }
        let descriptor = PlannerDescriptor(
            name: name,
            version: version,
            summary: try optionalString(object, "summary") ?? "",
            capabilities: CapabilityNormalizer.normalize(try stringArray(object, "capabilities")),
            keywords: CapabilityNormalizer.normalize(try stringArray(object, "keywords")),
            rank: try rank(object),
            boosts: CapabilityNormalizer.normalize(try boosts(object)),
            isThreadSafe: try optionalBool(object, "threadSafe") ?? false)
        var unknownFields: [String: JSONValue] = [:]
        for field in document.unknown {
            if let value = field.value { unknownFields[field.key] = value }
        }
        return PlannerManifest(
            descriptor: descriptor, entry: try entry(object), requiresProcessIsolation: try requiresProcessIsolation(object),
            unknownFields: unknownFields, warnings: [])
    }

    /// A top-level number field read exactly from its text, when it is whole and within `limit`.
    func wholeNumber(_ field: String, limit: Int) -> Int? {
        document.numberText[field].flatMap { WholeNumber.exact($0, limit: limit) }
    }

    /// A value as a message shows it: a top-level number as the file spells it, a string quoted,
    /// anything else by its type; always escaped and cut.
    func shown(_ value: JSONValue, _ field: String? = nil) -> String {
        if let field, let text = document.numberText[field] { return TerminalText.excerpt(text) }
        switch value {
        case .string(let string): return TerminalText.quoted(string)
        case .number(let number): return JSONValue.format(number)
        case .bool(let bool): return bool ? "true" : "false"
        default: return value.typeDescription
        }
    }

    func requiredString(_ object: [String: JSONValue], _ field: String, prefix: String = "") throws(ManifestProblem) -> String {
        guard let value = object[field] else { throw problem(prefix + field, "is required but missing") }
        guard let string = value.stringValue else { throw problem(prefix + field, "must be a string, not \(value.typeDescription)") }
        guard !string.isEmpty else { throw problem(prefix + field, "must not be empty") }
        return string
    }

    func optionalString(_ object: [String: JSONValue], _ field: String) throws(ManifestProblem) -> String? {
        guard let value = object[field], !value.isNull else { return nil }
        guard let string = value.stringValue else { throw problem(field, "must be a string, not \(value.typeDescription)") }
        return string
    }

    func optionalBool(_ object: [String: JSONValue], _ field: String) throws(ManifestProblem) -> Bool? {
        guard let value = object[field], !value.isNull else { return nil }
        guard let bool = value.boolValue else { throw problem(field, "must be true or false, not \(value.typeDescription)") }
        return bool
    }

    func stringArray(_ object: [String: JSONValue], _ field: String) throws(ManifestProblem) -> [String] {
        guard let value = object[field], !value.isNull else { return [] }
        guard let array = value.arrayValue else { throw problem(field, "must be an array of strings, not \(value.typeDescription)") }
        var strings: [String] = []
        for (offset, element) in array.enumerated() {
            guard let string = element.stringValue else {
                throw problem("\(field)[\(offset)]", "must be a string, not \(element.typeDescription)")
            }
            guard !string.trimmingWhitespace().isEmpty else { throw problem("\(field)[\(offset)]", "must not be blank") }
            strings.append(string)
        }
        return strings
    }

    /// `rank`: a whole number from −1,000,000 to 1,000,000, read exactly from its text (so
    /// 9007199254740993 is refused as written, not rounded to a `Double` first).
    func rank(_ object: [String: JSONValue]) throws(ManifestProblem) -> Int {
        guard let value = object["rank"], !value.isNull else { return 0 }
        guard let rank = wholeNumber("rank", limit: 1_000_000) else {
            throw problem("rank", "must be a whole number from -1000000 to 1000000, not \(shown(value, "rank"))")
        }
        return rank
    }

    func boosts(_ object: [String: JSONValue]) throws(ManifestProblem) -> [String: Double] {
        guard let value = object["boosts"], !value.isNull else { return [:] }
        guard let members = value.objectValue else { throw problem("boosts", "must be an object of numbers, not \(value.typeDescription)") }
        var boosts: [String: Double] = [:]
        for key in members.keys.sorted() {
            guard let number = members[key]?.numberValue, abs(number) <= 1_000_000 else {
                throw problem("boosts.\(TerminalText.excerpt(key))", "must be a number from -1000000 to 1000000")
            }
            guard !key.trimmingWhitespace().isEmpty else { throw problem("boosts", "has a blank key") }
            boosts[key] = number
        }
        return boosts
    }

    /// `isolation`: absent, or `"process"` (the plugin insists on a process of its own).
    func requiresProcessIsolation(_ object: [String: JSONValue]) throws(ManifestProblem) -> Bool {
        guard let value = object["isolation"], !value.isNull else { return false }
        guard value.stringValue == "process" else {
            throw problem("isolation", "must be \"process\" (the only accepted value: the plugin runs only in a process of its own), not \(shown(value))")
        }
        return true
    }
}

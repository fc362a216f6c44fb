import PlannerKit

/// Reads and validates a `planner.json` (schema 1) from its bytes. Every problem names the file
/// and the field; JSON syntax errors give the line and column.
public enum ManifestParser {
    /// Parses a manifest.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the manifest's path, for messages.
    /// - Returns: the manifest, or the first problem found.
    public static func parse(_ bytes: some Collection<UInt8>, file: String) -> Result<PlannerManifest, ManifestProblem> {
        parse(bytes, file: { file })
    }

    /// Parses a manifest; `file` is only asked for when there is a problem to report.
    static func parse(_ bytes: some Collection<UInt8>, file: () -> String) -> Result<PlannerManifest, ManifestProblem> {
        if let manifest = bytes.withContiguousStorageIfAvailable(ManifestFastDecoder.decode) ?? nil {
            return .success(manifest)
        }
        return parseFully(bytes, file: file())
    }

    /// The full parser: a JSON tree, then every field validated with a precise message. Used
    /// whenever the fast path gives up (unknown fields, escapes, any error).
    static func parseFully(_ bytes: some Collection<UInt8>, file: String) -> Result<PlannerManifest, ManifestProblem> {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            return .failure(ManifestProblem(file: file, field: nil, detail: "invalid JSON: \(error)", usableName: nil))
        }
        var reader = FieldReader(file: file)
        do throws(ManifestProblem) {
            return .success(try reader.manifest(from: json))
        } catch {
            return .failure(error)
        }
    }
}

/// Validates one field after another, remembering the name once it is known to be usable.
private struct FieldReader {
    let file: String
    var usableName: String?

    func problem(_ field: String?, _ detail: String) -> ManifestProblem {
        ManifestProblem(file: file, field: field, detail: detail, usableName: usableName)
    }

    mutating func manifest(from json: JSONValue) throws(ManifestProblem) -> PlannerManifest {
        guard let object = json.objectValue else {
            throw problem(nil, "the manifest must be a JSON object, not \(json.typeDescription)")
        }
        if let schema = object["schema"], schema.intValue != 1 {
            throw problem("schema", "schema \(schema) is not supported; this factory reads schema 1")
        }
        let name = try requiredString(object, "name")
        guard PlannerName.isValid(name) else {
            throw problem("name", "\"\(name)\" is not a valid planner name (\(PlannerName.rule))")
        }
        usableName = name
        let version = try requiredString(object, "version")
        guard SemanticVersion.isValid(version) else {
            throw problem("version", "\"\(version)\" is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.2.0)")
        }
        var warnings: [String] = []
        // Most manifests have no unknown field: look before building a dictionary of them.
        let hasUnknown = object.count > PlannerManifest.knownFields.count || object.keys.contains { !PlannerManifest.isKnownField($0) }
        let unknown = hasUnknown ? object.filter { !PlannerManifest.isKnownField($0.key) } : [:]
        for key in unknown.keys.sorted() {
            warnings.append("\(file): unknown field \"\(key)\" is kept but not used")
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
        return PlannerManifest(
            descriptor: descriptor, entry: try entry(object), requiresProcessIsolation: try requiresProcessIsolation(object),
            unknownFields: unknown, warnings: warnings)
    }

    func requiredString(_ object: [String: JSONValue], _ field: String) throws(ManifestProblem) -> String {
        guard let value = object[field] else { throw problem(field, "is required but missing") }
        guard let string = value.stringValue else { throw problem(field, "must be a string, not \(value.typeDescription)") }
        guard !string.isEmpty else { throw problem(field, "must not be empty") }
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

    func rank(_ object: [String: JSONValue]) throws(ManifestProblem) -> Int {
        guard let value = object["rank"], !value.isNull else { return 0 }
        guard let rank = value.intValue, abs(rank) <= 1_000_000 else {
            throw problem("rank", "must be a whole number from -1000000 to 1000000, not \(value)")
        }
        return rank
    }

    func boosts(_ object: [String: JSONValue]) throws(ManifestProblem) -> [String: Double] {
        guard let value = object["boosts"], !value.isNull else { return [:] }
        guard let members = value.objectValue else { throw problem("boosts", "must be an object of numbers, not \(value.typeDescription)") }
        var boosts: [String: Double] = [:]
        for key in members.keys.sorted() {
            guard let number = members[key]?.numberValue, abs(number) <= 1_000_000 else {
                throw problem("boosts.\(key)", "must be a number from -1000000 to 1000000")
            }
            guard !key.trimmingWhitespace().isEmpty else { throw problem("boosts", "has a blank key") }
            boosts[key] = number
        }
        return boosts
    }

    func entry(_ object: [String: JSONValue]) throws(ManifestProblem) -> PlannerManifest.Entry {
        guard let value = object["entry"] else { throw problem("entry", "is required but missing") }
        guard let entry = value.objectValue else {
            throw problem("entry", "must be an object such as {\"kind\": \"dylib\", \"library\": \"libplanner.so\"} or {\"kind\": \"process\", \"command\": [\"./planner.py\"]}")
        }
        let kind = try requiredString(entry, "kind", prefix: "entry.")
        switch kind {
        case PlannerKind.dylib.description:
            return try dylibEntry(entry)
        case PlannerKind.process.description:
            return try processEntry(entry)
        default:
            let supported = PlannerKind.manifestKinds.map(\.description).joined(separator: ", ")
            throw problem("entry.kind", "\"\(kind)\" is not a supported kind (supported: \(supported))")
        }
    }

    func dylibEntry(_ entry: [String: JSONValue]) throws(ManifestProblem) -> PlannerManifest.Entry {
        for field in ["command", "environment"] where entry[field] != nil {
            throw problem("entry.\(field)", "is only for kind \"process\"; a dylib entry names its library in entry.library")
        }
        let library = try requiredString(entry, "library", prefix: "entry.")
        if let reason = LibraryPath.textualProblem(library) {
            throw problem("entry.library", "\"\(library)\" \(reason)")
        }
        return PlannerManifest.Entry(library: library)
    }

    func processEntry(_ entry: [String: JSONValue]) throws(ManifestProblem) -> PlannerManifest.Entry {
        if entry["library"] != nil {
            throw problem("entry.library", "is only for kind \"dylib\"; a process entry names its program as entry.command[0]")
        }
        let command = try command(entry)
        let program = CommandProgram(command[0])
        if let reason = program.textualProblem {
            throw problem("entry.command[0]", "\"\(command[0])\" \(reason)")
        }
        return PlannerManifest.Entry(
            kind: .process, library: program.bundlePath, command: command, environment: try environment(entry))
    }

    /// `entry.command`: a non-empty array of non-empty strings without NUL bytes.
    func command(_ entry: [String: JSONValue]) throws(ManifestProblem) -> [String] {
        let example = "an array such as [\"./planner.py\", \"--fast\"]"
        guard let value = entry["command"] else { throw problem("entry.command", "is required for kind \"process\": \(example)") }
        guard let array = value.arrayValue else { throw problem("entry.command", "must be \(example), not \(value.typeDescription)") }
        guard !array.isEmpty else { throw problem("entry.command", "must not be empty; its first element is the program to run") }
        var command: [String] = []
        command.reserveCapacity(array.count)
        for (offset, element) in array.enumerated() {
            let field = "entry.command[\(offset)]"
            guard let string = element.stringValue else { throw problem(field, "must be a string, not \(element.typeDescription)") }
            guard !string.isEmpty else { throw problem(field, "must not be empty") }
            guard !string.utf8.contains(0) else { throw problem(field, "contains a NUL byte") }
            command.append(string)
        }
        return command
    }

    /// `entry.environment`: an object of strings whose keys are valid names the factory does not set.
    func environment(_ entry: [String: JSONValue]) throws(ManifestProblem) -> [String: String] {
        guard let value = entry["environment"], !value.isNull else { return [:] }
        guard let members = value.objectValue else {
            throw problem("entry.environment", "must be an object of strings such as {\"KEY\": \"value\"}, not \(value.typeDescription)")
        }
        var environment: [String: String] = [:]
        for key in members.keys.sorted() {
            let field = "entry.environment.\(key)"
            guard EnvironmentName.isValid(key) else {
                throw problem(field, "\"\(key)\" is not a valid environment variable name (\(EnvironmentName.rule))")
            }
            guard !PlannerManifest.Entry.factoryEnvironmentNames.contains(key) else {
                throw problem(field, "\(key) is set by the factory itself; a manifest cannot set it")
            }
            guard let member = members[key], let string = member.stringValue else {
                throw problem(field, "must be a string, not \(members[key]?.typeDescription ?? "missing")")
            }
            guard !string.utf8.contains(0) else { throw problem(field, "contains a NUL byte") }
            environment[key] = string
        }
        return environment
    }

    /// `isolation`: absent, or `"process"` (the plugin insists on a process of its own).
    func requiresProcessIsolation(_ object: [String: JSONValue]) throws(ManifestProblem) -> Bool {
        guard let value = object["isolation"], !value.isNull else { return false }
        guard value.stringValue == "process" else {
            throw problem("isolation", "must be \"process\" (the only accepted value: the plugin runs only in a process of its own), not \(value)")
        }
        return true
    }

    func requiredString(_ object: [String: JSONValue], _ field: String, prefix: String) throws(ManifestProblem) -> String {
        guard let value = object[field] else { throw problem(prefix + field, "is required but missing") }
        guard let string = value.stringValue, !string.isEmpty else {
            throw problem(prefix + field, "must be a non-empty string, not \(value.typeDescription)")
        }
        return string
    }
}

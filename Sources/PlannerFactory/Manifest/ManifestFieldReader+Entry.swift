import PlannerKit

extension ManifestFieldReader {
    /// `entry`: a dylib's library or a process's command line.
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
            throw problem("entry.kind", "\(TerminalText.quoted(kind)) is not a supported kind (supported: \(supported))")
        }
    }

    private func dylibEntry(_ entry: [String: JSONValue]) throws(ManifestProblem) -> PlannerManifest.Entry {
        for field in ["command", "environment"] where entry[field] != nil {
            throw problem("entry.\(field)", "is only for kind \"process\"; a dylib entry names its library in entry.library")
        }
        let library = try requiredString(entry, "library", prefix: "entry.")
        if let reason = LibraryPath.textualProblem(library) {
            throw problem("entry.library", "\(TerminalText.quoted(library)) \(reason)")
        }
        return PlannerManifest.Entry(library: library)
    }

    private func processEntry(_ entry: [String: JSONValue]) throws(ManifestProblem) -> PlannerManifest.Entry {
        if entry["library"] != nil {
            throw problem("entry.library", "is only for kind \"dylib\"; a process entry names its program as entry.command[0]")
        }
        let command = try command(entry)
        let program = CommandProgram(command[0])
        if let reason = program.textualProblem {
            throw problem("entry.command[0]", "\(TerminalText.quoted(command[0])) \(reason)")
        }
        return PlannerManifest.Entry(
            kind: .process, library: program.bundlePath, command: command, environment: try environment(entry))
    }

    /// `entry.command`: a non-empty array of non-empty strings without NUL bytes.
    private func command(_ entry: [String: JSONValue]) throws(ManifestProblem) -> [String] {
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

    /// `entry.environment`: an object of strings whose keys are valid names the factory does not
    /// set, and not `FACTORY_…`.
    private func environment(_ entry: [String: JSONValue]) throws(ManifestProblem) -> [String: String] {
        guard let value = entry["environment"], !value.isNull else { return [:] }
        guard let members = value.objectValue else {
            throw problem("entry.environment", "must be an object of strings such as {\"KEY\": \"value\"}, not \(value.typeDescription)")
        }
        var environment: [String: String] = [:]
        for key in members.keys.sorted() {
            let field = "entry.environment.\(TerminalText.excerpt(key))"
            guard EnvironmentName.isValid(key) else {
                throw problem(field, "\(TerminalText.quoted(key)) is not a valid environment variable name (\(EnvironmentName.rule))")
            }
            guard !PlannerManifest.Entry.factoryEnvironmentNames.contains(key) else {
                throw problem(field, "\(key) is set by the factory itself; a manifest cannot set it")
            }
            // FACTORY_NO_NAMESPACE would take the plugin out of its PID namespace, for one.
            guard !key.hasPrefix("FACTORY_") else {
                throw problem(field, "FACTORY_ names are the factory's own; a manifest cannot set \(key)")
            }
            guard let member = members[key], let string = member.stringValue else {
                throw problem(field, "must be a string, not \(members[key]?.typeDescription ?? "missing")")
            }
            guard !string.utf8.contains(0) else { throw problem(field, "contains a NUL byte") }
            environment[key] = string
        }
        return environment
    }
}

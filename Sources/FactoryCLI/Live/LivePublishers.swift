import PlannerFactory
import PlannerKit

/// The live publishers of a state folder, as `factory ps` lists them and `factory telemetry
/// --follow` / `--prometheus` pick one.
struct LivePublishers {
    /// One publisher and what its hello line said (or why it did not answer).
    struct Entry {
        var endpoint: LiveEndpoint
        var hello: JSONValue?
        var problem: String?
    }

    let directory: LiveDirectory

    init(stateDirectory: String) {
        directory = LiveDirectory(stateDirectory: stateDirectory)
    }

    /// Every live publisher with its hello line (publishers that are gone are cleaned up on the way).
    func entries() -> [Entry] {
        directory.publishers().map { endpoint in
            do throws(FactoryError) {
                return Entry(endpoint: endpoint, hello: try LiveConnection(endpoint, timeout: .seconds(2)).hello)
            } catch {
                return Entry(endpoint: endpoint, problem: error.message)
            }
        }
    }

    /// The publisher to follow: the one of `pid`, or with no pid the only one.
    /// - Throws: `FactoryError` `.liveUnavailable` when there is none (or none of that pid); for
    ///   several without a pid, they are listed on standard error and `ExitStatus(1)` is thrown.
    func pick(_ pid: Int32?, command: String) throws -> LiveEndpoint {
        let endpoints = directory.publishers()
        if let pid {
            guard let endpoint = endpoints.first(where: { $0.pid == pid }) else {
                let others = endpoints.isEmpty ? "none publishes there" : "publishing: pid " + endpoints.map { "\($0.pid)" }.joined(separator: ", ")
                throw FactoryError(.liveUnavailable, "Process \(pid) does not publish live events in \(directory.path) (\(others)).",
                                   context: ["pid": "\(pid)", "path": directory.path])
            }
            return endpoint
        }
        if endpoints.count == 1 { return endpoints[0] }
        guard !endpoints.isEmpty else {
            throw FactoryError(
                .liveUnavailable,
                "No factory publishes live events in \(directory.path): start the application with FACTORY_PUBLISH=1 (factory-tui publishes by default), or give its --state-dir.",
                context: ["path": directory.path])
        }
        Output.error("error: \(endpoints.count) factories publish live events in \(directory.path); name one: factory telemetry \(command) PID")
        Output.error(Self.table(entries()))
        throw ExitStatus(code: 1)
    }

    /// The `factory ps` table.
    static func table(_ entries: [Entry]) -> String {
        var table = TextTable(["PID", "STARTED", "PLANNERS", "SELECTIONS", "SUBSCRIBERS", "COMMAND"])
        for entry in entries {
            guard let hello = entry.hello else {
                table.add(["\(entry.endpoint.pid)", "-", "-", "-", "-", "(not answering: \(entry.problem ?? "no hello"))"])
                continue
            }
            let started = hello["startTime"]?.numberValue.map(WallClock.iso8601) ?? "-"
            let command = hello["command"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " ") ?? ""
            table.add(["\(entry.endpoint.pid)", started, count(hello["planners"]), count(hello["selections"]),
                       "\(max(0, (hello["subscribers"]?.arrayValue?.count ?? 1) - 1))", command])
        }
        return table.render()
    }

    /// A `factory ps --json` element.
    static func json(_ entry: Entry) -> JSONValue {
        var members: [String: JSONValue] = [
            "pid": .number(Double(entry.endpoint.pid)), "id": .string(entry.endpoint.id), "socket": .string(entry.endpoint.socketPath),
        ]
        if let hello = entry.hello?.objectValue {
            for key in ["command", "startTime", "publishingSince", "planners", "selections", "subscribers", "uid", "format", "queueCapacity"] {
                members[key] = hello[key] ?? .null
            }
        } else {
            members["error"] = .string(entry.problem ?? "no hello")
        }
        return .object(members)
    }

    private static func count(_ value: JSONValue?) -> String {
        value?.numberValue.map(JSONValue.format) ?? "-"
    }
}

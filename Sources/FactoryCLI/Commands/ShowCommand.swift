import ArgumentParser
import PlannerFactory
import PlannerKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show everything known about one planner.")

    @Argument(help: "The planner's name.")
    var name: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let factory = try CommandContext.factory(options)
        guard let record = factory.record(named: name) else {
            throw FactoryError.plannerNotFound(name, among: factory.planners().map(\.name))
        }
        let isolation = record.kind == .builtin || !record.kind.isPlugin ? nil : factory.isolation(of: record)
        let workers = factory.workers().filter { $0.planner == record.name }
        let log = record.kind.isPlugin ? WorkerLogs(stateDirectory: factory.configuration.stateDirectory).last(planner: record.name) : nil
        if options.json {
            var json = record.json.objectValue ?? [:]
            json["isolationInEffect"] = isolation.map { .string($0.description) } ?? .null
            json["workers"] = .array(workers.map { ["pid": .number(Double($0.pid)), "call": $0.call.map(JSONValue.string) ?? .null,
                                                    "seconds": .number($0.seconds), "restarts": .number(Double($0.restarts))] })
            json["workerLog"] = log.map(JSONValue.string) ?? .null
            Output.json(.object(json))
            return
        }
        let fields: [(String, String)] = [
            ("name", record.name), ("version", record.version), ("kind", record.kind.description),
            ("status", record.status.description), ("reason", record.reason ?? "-"),
            ("since", record.json["since"]?.stringValue ?? "-"),
            ("summary", record.summary),
            ("capabilities", record.capabilities.joined(separator: ", ")),
            ("keywords", record.keywords.joined(separator: ", ")), ("rank", String(record.rank)),
            ("boosts", record.boosts.keys.sorted().map { "\($0)=\(JSONValue.format(record.boosts[$0] ?? 0))" }.joined(separator: ", ")),
            ("thread-safe", record.isThreadSafe ? "yes" : "no"), ("path", record.path ?? "-"),
            ("library", record.library ?? "-"), ("fingerprint", record.fingerprint?.description ?? "-"),
            ("isolation", isolation.map { $0 == .inProcess ? "in-process (no deadline on plan; a crash takes the host down)" : "process (a worker per instance)" } ?? "in-process (builtin)"),
        ]
        var extra: [(String, String)] = []
        if !record.command.isEmpty { extra.append(("command", record.command.joined(separator: " "))) }
        for key in record.environment.keys.sorted() { extra.append(("environment", "\(key)=\(record.environment[key] ?? "")")) }
        for worker in workers { extra.append(("worker", worker.summary)) }
        for (label, value) in fields + extra {
            print(label.padding(14) + TerminalText.escaped(value))
        }
        if let log, !log.isEmpty {
            print("last worker's standard error (its last lines):")
            for line in log.split(separator: "\n", omittingEmptySubsequences: false).suffix(20) { print("  " + TerminalText.escaped(line)) }
        }
        for warning in record.warnings { print("warning".padding(14) + TerminalText.escaped(warning)) }
        for key in record.unknownFields.keys.sorted() {
            print("unknown field".padding(14) + TerminalText.escaped("\(key) = \((record.unknownFields[key] ?? .null).serialized())"))
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}


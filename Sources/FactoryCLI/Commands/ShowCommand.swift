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
        if options.json {
            Output.json(record.json)
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
        ]
        for (label, value) in fields {
            print(label.padding(14) + value)
        }
        for warning in record.warnings { print("warning".padding(14) + warning) }
        for key in record.unknownFields.keys.sorted() {
            print("unknown field".padding(14) + "\(key) = \(record.unknownFields[key] ?? .null)")
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}


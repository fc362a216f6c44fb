import ArgumentParser
import PlannerFactory
import PlannerKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every planner: builtins, then bundles, with status and reason.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let factory = try CommandContext.factory(options)
        let records = factory.planners()
        let warnings = factory.warnings() + records.flatMap(\.warnings)
        if options.json {
            let all = CommandContext.probeWarnings.withLock { $0 } + warnings
            Output.json(["planners": .array(records.map(Self.row)), "warnings": .array(all.map(JSONValue.string))])
            return
        }
        var table = TextTable(["NAME", "VERSION", "KIND", "STATUS", "CAPABILITIES", "PATH"])
        for record in records {
            table.add(
                [record.name, record.version.isEmpty ? "-" : record.version, record.kind.description,
                 record.status.description, record.capabilities.joined(separator: ","), record.path ?? "-"],
                notes: record.reason.map { ["reason: \($0)"] } ?? [])
        }
        // On a terminal, paths and then capabilities are cut to fit, or paths go under their rows
        // (`show` and --json give both whole).
        table.shrinkable = [(5, .end, 28), (4, .start, 24)]
        table.lastColumnNote = "path"
        print(table.render(width: TerminalWidth.standardOutput()))
        for warning in warnings { print("warning: \(TerminalText.escaped(warning))") }
    }

    /// A `factory list` JSON row: name, version, kind, status, reason, capabilities, path.
    static func row(_ record: PlannerRecord) -> JSONValue {
        ["name": .string(record.name), "version": .string(record.version), "kind": .string(record.kind.description),
         "status": .string(record.status.description), "reason": record.reason.map(JSONValue.string) ?? .null,
         "capabilities": .array(record.capabilities.map(JSONValue.string)), "path": record.path.map(JSONValue.string) ?? .null]
    }
}

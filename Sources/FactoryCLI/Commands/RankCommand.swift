import ArgumentParser
import PlannerFactory
import PlannerKit

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Rank every planner for capabilities and an objective.")

    @OptionGroup var request: RequestOptions

    @Option(name: .long, help: "Show at most this many rows.")
    var limit: Int?

    @Flag(name: .long, help: "Explain each score term by term.")
    var explain = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit).") }
    }

    func run() throws {
        let factory = try CommandContext.factory(options)
        let ranking = factory.rank(objective: request.objective, capabilities: request.capabilityList)
        let rows = ranking.candidates(limit: limit, explain: explain)
        if options.json {
            Output.json(["candidates": .array(rows.map(\.json))])
            return
        }
        print(Self.table(rows).render())
    }

    static func table(_ rows: [RankedCandidate]) -> TextTable {
        var table = TextTable(["#", "NAME", "SCORE", "MATCH", "SELECTABLE", "MISSING"])
        for row in rows {
            var notes: [String] = []
            if let why = row.whyNotSelectable { notes.append("not selectable: \(why)") }
            notes += (row.terms ?? []).map(\.line)
            table.add(
                [String(row.position), row.name, JSONValue.format(row.score), JSONValue.format(row.matchRatio),
                 row.isSelectable ? "yes" : "no", row.missing.isEmpty ? "-" : row.missing.joined(separator: ",")],
                notes: notes)
        }
        return table
    }
}

extension ScoreTerm {
    /// `boost route           +2      required capability`.
    var line: String {
        let text = isAdditive ? (value < 0 ? "" : "+") + JSONValue.format(value) : JSONValue.format(value)
        return "\(label.padding(22))\(text.padding(8))\(detail)"
    }
}

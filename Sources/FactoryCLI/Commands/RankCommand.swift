import ArgumentParser
import PlannerFactory
import PlannerKit

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Rank every planner for capabilities and an objective.")

    @OptionGroup var request: RequestOptions

    @Option(name: .long, parsing: .unconditional, help: "Show at most this many rows.")
    var limit: Int?

    @Flag(name: .long, help: "Explain each score term by term.")
    var explain = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit).") }
    }

    func run() throws {
        let (objective, analysis) = try request.makeObjective()
        let factory = try CommandContext.factory(options)
        let ranking = factory.rank(objective: objective.text, capabilities: objective.capabilities)
        let rows = ranking.candidates(limit: limit, explain: explain)
        if options.json {
            var json: [String: JSONValue] = ["candidates": .array(rows.map(\.json))]
            if analysis != nil { json["required"] = .array(objective.capabilities.map(JSONValue.string)) }
            Output.json(.object(json))
            return
        }
        if let analysis {
            print("task: \(analysis.summary)")
            print("required: \(objective.capabilities.joined(separator: ", "))")
        }
        print(Self.table(rows).render())
        if analysis != nil, !rows.contains(where: \.isSelectable) {
            print("")
            print("No planner fits the task. What each planner offers of what the task needs:")
            print(Self.featureTable(ranking.candidates(limit: nil, explain: false), required: objective.capabilities).render())
        }
    }

    /// A planner × required-capability table: `✓` where the planner has it, `✗` where not.
    static func featureTable(_ rows: [RankedCandidate], required: [String]) -> TextTable {
        var table = TextTable(["NAME"] + required)
        for row in rows {
            table.add([row.name] + required.map { row.missing.contains($0) ? "✗" : "✓" })
        }
        return table
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

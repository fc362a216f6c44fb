import ArgumentParser
import PlannerFactory
import PlannerKit

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select the best planner; exit 2 with the explanation when none is selectable.")

    @OptionGroup var request: RequestOptions

    @Option(name: .long, parsing: .unconditional, help: "Run the selection N times and print the selection profile (p50/p95/p99).")
    var `repeat`: Int = 1

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard (1...10_000_000).contains(`repeat`) else {
            throw ValidationError("--repeat must be from 1 to 10000000, not \(`repeat`).")
        }
    }

    func run() throws {
        let factory = try CommandContext.factory(options)
        var selection: Selection?
        for _ in 0..<`repeat` {
            let (objective, _) = try request.makeObjective()
            selection = try factory.selectBestPlanner(objective: objective.text, capabilities: objective.capabilities)
        }
        guard let selection else { return }
        let profile = factory.telemetry.snapshot().selection
        if options.json {
            var json = selection.json
            if `repeat` > 1, case .object(var members) = json {
                members["profile"] = profile.json
                json = .object(members)
            }
            Output.json(json)
            return
        }
        let winner = selection.winner
        print("\(winner.name) \(winner.version) (score \(JSONValue.format(winner.score)), match \(JSONValue.format(winner.matchRatio)))")
        for term in winner.terms ?? [] { print("  " + term.line) }
        if `repeat` > 1 {
            print("selections: \(profile.count)  p50 \(profile.p50.microsecondsText)  p95 \(profile.p95.microsecondsText)  "
                + "p99 \(profile.p99.microsecondsText)  max \(profile.max.microsecondsText)")
        }
    }
}

extension Duration {
    /// `12.3µs`.
    var microsecondsText: String {
        let micro = seconds * 1e6
        return (micro * 10).rounded() / 10 == micro.rounded() ? "\(Int(micro.rounded()))µs" : "\((micro * 10).rounded() / 10)µs"
    }
}

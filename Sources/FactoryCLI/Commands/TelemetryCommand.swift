import ArgumentParser
import PlannerFactory
import PlannerKit

struct TelemetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telemetry",
        abstract: "Print this process's telemetry, after an optional workload of selections.",
        discussion: "Telemetry lives in the process that selects; --selections runs N selections first so the profile has data.")

    @OptionGroup var request: RequestOptions

    @Option(name: .long, help: "Run N selections first (failed ones are recorded too).")
    var selections: Int = 0

    @Option(name: .long, help: "Then run N plans for the objective with the best planner (failed ones are recorded too).")
    var plans: Int = 0

    @Option(name: .long, help: "Show at most this many recent records.")
    var recent: Int = 10

    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard (0...10_000_000).contains(selections) else { throw ValidationError("--selections must be from 0 to 10000000.") }
        guard (0...100_000).contains(plans) else { throw ValidationError("--plans must be from 0 to 100000.") }
        guard recent >= 0 else { throw ValidationError("--recent must not be negative.") }
    }

    func run() throws {
        let factory = try CommandContext.factory(options)
        for _ in 0..<selections {
            _ = try? factory.selectBestPlanner(objective: request.objective, capabilities: request.capabilityList)
        }
        for _ in 0..<plans {
            _ = try? factory.plan(Objective(text: request.objective, capabilities: request.capabilityList))
        }
        let snapshot = factory.telemetry.snapshot()
        if options.json {
            Output.json(snapshot.json)
            return
        }
        let selection = snapshot.selection
        print("selections: \(selection.count) (\(selection.failures) failed)  p50 \(selection.p50.microsecondsText)  "
            + "p95 \(selection.p95.microsecondsText)  p99 \(selection.p99.microsecondsText)  max \(selection.max.microsecondsText)")
        let instantiation = snapshot.instantiation
        print("instantiations: \(instantiation.count) (\(instantiation.failures) failed)  p50 \(instantiation.p50.microsecondsText)  "
            + "p95 \(instantiation.p95.microsecondsText)  p99 \(instantiation.p99.microsecondsText)")
        for record in snapshot.recentSelections.prefix(recent) {
            print("  \(TerminalText.escaped(record.winner ?? "error: \(record.error ?? "?")"))  \(record.duration.microsecondsText)  \"\(TerminalText.escaped(record.objective))\"")
        }
        let planCall = snapshot.planCall
        print("plan calls: \(planCall.count) (\(planCall.failures) failed)  p50 \(planCall.p50.microsecondsText)  "
            + "p95 \(planCall.p95.microsecondsText)  p99 \(planCall.p99.microsecondsText)")
        for record in snapshot.recentPlanCalls.prefix(recent) {
            let worker = record.workerPID.map { "worker \($0)" } ?? "in-process"
            print("  \(record.planner)  \(worker)  \(record.duration.microsecondsText)  \(TerminalText.escaped(String(describing: record.outcome)))")
        }
    }
}

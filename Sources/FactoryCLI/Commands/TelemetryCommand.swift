import ArgumentParser
import PlannerFactory
import PlannerKit

struct TelemetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telemetry",
        abstract: "Print this process's telemetry, after an optional workload of selections, or follow a publishing process's.",
        discussion: """
            Telemetry lives in the process that selects; --selections runs N selections first so the profile has data. \
            --follow and --prometheus read another process's, one that publishes (FACTORY_PUBLISH=1, factory-tui; see factory ps).
            """)

    @OptionGroup var request: RequestOptions

    @Option(name: .long, parsing: .unconditional, help: "Run N selections first (failed ones are recorded too).")
    var selections: Int = 0

    @Option(name: .long, parsing: .unconditional, help: "With --selections: at most this many selections a second (default: as fast as they go).")
    var rate: Double?

    @Option(name: .long, parsing: .unconditional, help: "Then run N plans for the objective with the best planner (failed ones are recorded too).")
    var plans: Int = 0

    @Option(name: .long, parsing: .unconditional, help: "Show at most this many recent records.")
    var recent: Int = 10

    @Flag(name: .long, help: "Print the live events of a publishing process as JSON lines until it stops (see factory ps).")
    var follow = false

    @Flag(name: .long, help: "Print a publishing process's current figures in the Prometheus text format.")
    var prometheus = false

    @Argument(help: "With --follow or --prometheus: the publisher's pid (needed when several publish).")
    var pid: Int32?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if let rate, !(rate > 0 && rate <= 1_000_000) { throw ValidationError("--rate must be a number of selections a second from 0 (exclusive) to 1000000.") }
        if follow && prometheus { throw ValidationError("--follow and --prometheus go one at a time.") }
        if follow || prometheus {
            guard selections == 0 && plans == 0 else { throw ValidationError("--selections and --plans run here: they do not go with --follow or --prometheus.") }
        } else if pid != nil {
            throw ValidationError("A pid goes with --follow or --prometheus.")
        }
        if let pid, pid <= 0 { throw ValidationError("The pid must be a positive number, not \(pid).") }
        guard (0...10_000_000).contains(selections) else { throw ValidationError("--selections must be from 0 to 10000000.") }
        guard (0...100_000).contains(plans) else { throw ValidationError("--plans must be from 0 to 100000.") }
        guard recent >= 0 else { throw ValidationError("--recent must not be negative.") }
    }

    func run() throws {
        if follow || prometheus { return try runLive() }
        let factory = try CommandContext.factory(options)
        let start = ContinuousClock.now
        for number in 0..<selections {
            // At --rate, selection n waits for its moment: start + n / rate.
            if let rate { Self.sleep(until: start + .seconds(Double(number) / rate)) }
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

import ArgumentParser
import ExamplePlanners
import Foundation
import NativePlanner
import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// `agent-service`: an example application embedding PlannerFactory. It discovers and probes the
/// bundled planners, publishes its factory's live events, and selects and plans for a fixed
/// cycle of objectives at a steady rate until it is stopped, with its figures through
/// swift-metrics into a swift-prometheus registry (written to `--metrics-file`).
@main
struct AgentService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-service",
        abstract: "An example application: selects and plans for a stream of objectives, publishing its factory's live events.",
        discussion: """
            Watch it with factory ps, factory telemetry --follow PID, factory telemetry --prometheus PID or \
            factory-tui --attach PID, with the same state folder. With no plugin path (FACTORY_PLUGIN_PATH or \
            --plugin-path) it uses the repository's examples/plugins, found above the executable. Other FACTORY_* \
            variables apply as in factory. SIGINT or SIGTERM stops it cleanly: subscribers are told (closing) and \
            the metrics file is written a last time. Progress goes to standard error every 5 seconds. \
            Exit status: 0 stopped or done; 1 a usage, configuration or metrics-file error.
            """)

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Requests a second, each a selection, half of them followed by a plan: above 0, at most 100000.", valueName: "n"))
    var rate = "20"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Stop after this many requests (default: run until stopped).", valueName: "n"))
    var count: Int?

    @Option(name: .customLong("metrics-file"),
            help: ArgumentHelp("Write the swift-prometheus registry here in the Prometheus text format, every interval and at exit (atomically).", valueName: "path"))
    var metricsFile: String?

    @Option(name: .customLong("metrics-interval"), parsing: .unconditional,
            help: ArgumentHelp("Seconds between writes of --metrics-file: 0.01 to 86400 (default 5).", valueName: "seconds"))
    var metricsInterval: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("The state folder, where the live socket goes (FACTORY_STATE_DIR).", valueName: "path"))
    var stateDir: String?

    @Option(name: [.customLong("plugin-path"), .customLong("search-path")],
            help: ArgumentHelp("Folders of plugin bundles, ':'-separated (FACTORY_PLUGIN_PATH; default: the repository's examples/plugins).", valueName: "folders"))
    var pluginPath: String?

    /// Seconds between progress lines.
    static let progressInterval = Duration.seconds(5)

    func validate() throws {
        guard let rate = Self.decimal(rate), rate > 0, rate <= 100_000 else {
            throw ValidationError("--rate must be a number of requests a second above 0 and at most 100000 (digits with at most one decimal point), not \"\(TerminalText.escaped(rate))\".")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1, not \(count).") }
        if let metricsInterval {
            guard metricsFile != nil else { throw ValidationError("--metrics-interval goes with --metrics-file.") }
            guard let seconds = Self.decimal(metricsInterval), seconds >= 0.01, seconds <= 86_400 else {
                throw ValidationError("--metrics-interval must be a number of seconds from 0.01 to 86400, not \"\(TerminalText.escaped(metricsInterval))\".")
            }
        }
        if let metricsFile { try Self.checkMetricsPath(metricsFile) }
    }

    func run() throws {
        let stop = StopFlag()
        let signals = stop.setOnTerminationSignals()
        defer { withExtendedLifetime(signals) {} }
        let configuration = try makeConfiguration()
        let (registry, metrics) = PrometheusBackend.bootstrap()
        let factory = PlannerFactory(configuration: configuration, builtins: (ExamplePlanners.all + NativePlanners.all).map { BuiltinPlanner($0) },
                                     notices: { Console.say("warning: \($0)") }, metrics: metrics)
        let file = metricsFile.map { MetricsFile(path: $0, registry: registry) }
        try file?.write()  // a file that cannot be written fails now, not in five seconds

        // Publishing first, so a subscriber that is quick sees discovery and the probes too.
        let endpoint = try factory.startPublishing()
        Console.say("pid \(endpoint.pid) publishes live events on \(endpoint.socketPath)")
        let discovery = factory.discover()
        let probes = factory.probePending()
        for warning in discovery.warnings + probes.warnings { Console.say("warning: \(warning)") }
        Console.say(Self.plannerSummary(factory.planners().map(\.status), probes: probes))

        let rate = Self.decimal(rate) ?? 20
        let counts = WorkloadCounts()
        var jobs = [Ticker.Job(interval: Self.progressInterval, action: ProgressLine(counts: counts).report)]
        if let file {
            let interval = Duration.seconds(metricsInterval.flatMap(Self.decimal) ?? 5)
            jobs.append(Ticker.Job(interval: interval, action: file.writeReportingProblems))
            Console.say("writes its metrics to \(file.path) every \(metricsInterval ?? "5") s")
        }
        Console.say("\(Self.text(rate)) requests a second round a cycle of \(WorkItem.cycle.count) objectives"
            + (count.map { ", \($0) in all" } ?? "") + "; SIGINT or SIGTERM stops it")
        let ticker = Ticker(jobs: jobs, stop: stop).start()
        Workload(factory: factory, items: WorkItem.cycle, rate: rate, count: count, counts: counts, stop: stop).run()

        let ending = stop.isSet ? "stopped" : "done"
        stop.set()
        ticker.wait()
        factory.stopPublishing()  // subscribers get `closing`
        try file?.write()
        Console.say("\(ending): \(counts.figures.summary)")
    }

    /// The configuration: `FACTORY_*` from the environment, then the flags; the repository's
    /// example plugins when no plugin path is given.
    func makeConfiguration() throws(FactoryError) -> FactoryConfiguration {
        var configuration = try FactoryConfiguration(environment: ProcessEnvironment.current())
        var overrides: [ConfigurationKey: String] = [:]
        overrides[.stateDirectory] = stateDir
        overrides[.pluginPath] = pluginPath
        try configuration.apply(overrides)
        if configuration.source(of: .pluginPath) == .default, let examples = ExamplePlanners.pluginFolder() {
            configuration.pluginPath = [examples]
        }
        return configuration
    }

    /// Runs the command line; exit status 1 for usage, configuration and metrics-file errors
    /// (argument-parser's 64 too, as `factory` does).
    static func main() {
        do {
            // The arguments with bytes that are not UTF-8 kept (a --state-dir such as state\xff names that folder).
            var command = try parseAsRoot(Array(ProcessArguments.current().dropFirst()))
            try command.run()
            Glibc.exit(0)
        } catch let error as FactoryError {
            Console.line("error: \(error)")
            Glibc.exit(1)
        } catch let error as ServiceError {
            Console.line("error: \(error.message)")
            Glibc.exit(1)
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                print(message)
            } else {
                Console.line(message)
            }
            Glibc.exit(code == 64 ? 1 : code)
        }
    }
}

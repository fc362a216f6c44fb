import ArgumentParser
import ExamplePlanners
import FactoryCLI
import FactoryTUI
import Foundation
import Logging
import NativePlanner
import PlannerFactory

/// `factory-tui`: browse planners and their quarantine state, type an objective and capabilities
/// and watch the ranking change, watch selection profiling, rediscover, run health checks.
struct FactoryTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factory-tui",
        abstract: "The PlannerFactory terminal UI: planners, live ranking, telemetry.",
        discussion: """
            With no plugin path (FACTORY_PLUGIN_PATH or --plugin-path) it shows the bundled examples: \
            the builtin planners and examples/plugins, fault gallery included. With --domain and --problem it starts \
            with that PDDL task loaded (t loads another). Press ? in the program for the keys. \
            Logs go to factory-tui.log in the state folder, never to the screen.
            """)

    @OptionGroup(title: "Configuration")
    var options: ConfigurationOptions

    @Option(name: .customLong("domain"), help: ArgumentHelp("A PDDL domain file: start with this task loaded (with --problem).", valueName: "path"))
    var domain: String?

    @Option(name: .customLong("problem"), help: ArgumentHelp("A PDDL problem file of that domain (with --domain).", valueName: "path"))
    var problem: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Flag(name: .customLong("attach"), help: ArgumentHelp(
        "Watch another process's factory instead of running one: its planners, live telemetry, rankings of what you type. With no PID, pick from the processes publishing in the state folder.",
        discussion: "Keys that would act on that process (r, h, u, Enter, b, P) are disabled."))
    var attach = false

    @Argument(help: ArgumentHelp("With --attach: the process to attach to (see `factory ps`).", valueName: "PID"))
    var pid: Int32?

    @Flag(name: .customLong("freeze"), help: "Freeze live telemetry and measured times, for deterministic screens (also FACTORY_TUI_FREEZE=1).")
    var freeze = false

    func validate() throws {
        guard (domain == nil) == (problem == nil) else {
            throw ValidationError("--domain and --problem go together: give both files of the task, or neither")
        }
        if let pid {
            guard attach else { throw ValidationError("A PID is given only with --attach (factory-tui --attach \(pid))") }
            guard pid > 0 else { throw ValidationError("--attach needs a process id above 0, not \(pid)") }
        }
        if attach, domain != nil {
            throw ValidationError("--attach watches another process: --domain/--problem do not go with it (t loads a task for rankings once attached)")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.current()
        var configuration = try options.configuration(environment: environment)
        // The TUI publishes its live events unless FACTORY_PUBLISH / --no-publish says otherwise.
        if configuration.source(of: .publish) == .default { configuration.publishes = true }
        if configuration.source(of: .pluginPath) == .default, let examples = ExamplePlanners.pluginFolder() {
            configuration.pluginPath = [examples]
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical, not \"\(logLevel)\"")
        }
        let logger = Self.logger(stateFolder: configuration.stateDirectory, level: level)
        if attach { return try runAttached(configuration, environment: environment, logger: logger) }
        logger.info("factory-tui starting", metadata: ["pluginPath": "\(configuration.pluginPath.joined(separator: ":"))"])
        let factory = PlannerFactory(configuration: configuration, builtins: (ExamplePlanners.all + NativePlanners.all).map { BuiltinPlanner($0) }, logger: logger)
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        var model = AppModel(width: terminal.size.width, height: terminal.size.height,
                             configurationSummary: ConfigurationLine.text(configuration, currentFolder: FileManager.default.currentDirectoryPath),
                             isFrozen: Self.isFrozen(freeze, environment))
        model.isolation = configuration.isolation
        let startEvents: [AppEvent] = domain.flatMap { domain in problem.map { [.openTask(domain: domain, problem: $0)] } } ?? []
        AppLoop(terminal: terminal, factory: factory, model: model, logger: logger, startEvents: startEvents).run()
    }

    /// `--attach [PID]`: the loop on another process's live events; nothing of its own is discovered.
    func runAttached(_ configuration: FactoryConfiguration, environment: [String: String], logger: Logger) throws {
        let folder = configuration.stateDirectory
        let publishers = LiveDirectory(stateDirectory: folder).publishers()
        if let pid, !publishers.contains(where: { $0.pid == pid }) {
            let others = publishers.isEmpty ? "none publishes there" : "publishing: pid " + publishers.map { "\($0.pid)" }.joined(separator: ", ")
            throw FactoryError(.liveUnavailable, "Process \(pid) does not publish live events in \(folder)/live (\(others)); see factory ps --state-dir \(folder).",
                               context: ["pid": "\(pid)", "path": folder])
        }
        logger.info("factory-tui attaching", metadata: ["pid": "\(pid.map(String.init) ?? "pick")", "stateDirectory": "\(folder)"])
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        var model = AppModel(width: terminal.size.width, height: terminal.size.height,
                             configurationSummary: "attaching…", isFrozen: Self.isFrozen(freeze, environment))
        model.attachment = LiveAttachment(stateDirectory: folder, state: pid == nil ? .picking : .connecting, pid: pid)
        if let pid { model.activities[.attach] = "attaching to process \(pid)…" }
        AppLoop(terminal: terminal, attaching: pid.map { .pid($0) } ?? .pick, model: model, logger: logger).run()
    }

    /// `--freeze` or FACTORY_TUI_FREEZE.
    static func isFrozen(_ flag: Bool, _ environment: [String: String]) -> Bool {
        flag || ["1", "true", "yes", "on"].contains(environment["FACTORY_TUI_FREEZE"]?.lowercased() ?? "")
    }

    /// A logger writing to factory-tui.log in the state folder (nowhere if it cannot be opened).
    static func logger(stateFolder: String, level: Logger.Level) -> Logger {
        try? StateFolder.create(stateFolder)
        guard let handler = FileLogHandler.open(stateFolder + "/factory-tui.log", level: level) else {
            return Logger(label: "factory-tui", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        return Logger(label: "factory-tui", factory: handler)
    }
}

/// The Swift runtime's backtracer asks "Press space to interact…" on a terminal after a crash,
/// holding the screen for about 25 s. The TUI restores the terminal itself on a crash and must exit
/// at once: start again with the backtracer told not to ask (it reads this only at start-up).
func disableInteractiveBacktraces() {
    guard getenv("SWIFT_BACKTRACE") == nil else { return }
    setenv("SWIFT_BACKTRACE", "interactive=no", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Exec failed (no /proc): run on; a crash may then show the prompt.
}

disableInteractiveBacktraces()
// The arguments with bytes that are not UTF-8 kept (a --state-dir such as state\xff names that folder).
FactoryTUICommand.main(Array(ProcessArguments.current().dropFirst()))

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

    @Flag(name: .customLong("freeze"), help: "Freeze live telemetry and measured times, for deterministic screens (also FACTORY_TUI_FREEZE=1).")
    var freeze = false

    func validate() throws {
        guard (domain == nil) == (problem == nil) else {
            throw ValidationError("--domain and --problem go together: give both files of the task, or neither")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.current()
        var configuration = try options.configuration(environment: environment)
        // The TUI publishes its live events unless FACTORY_PUBLISH / --no-publish says otherwise.
        if configuration.source(of: .publish) == .default { configuration.publishes = true }
        if configuration.source(of: .pluginPath) == .default, let examples = Self.examplesFolder() {
            configuration.pluginPath = [examples]
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical, not \"\(logLevel)\"")
        }
        let logger = Self.logger(stateFolder: configuration.stateDirectory, level: level)
        logger.info("factory-tui starting", metadata: ["pluginPath": "\(configuration.pluginPath.joined(separator: ":"))"])
        let factory = PlannerFactory(configuration: configuration, builtins: (ExamplePlanners.all + NativePlanners.all).map { BuiltinPlanner($0) }, logger: logger)
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        let isFrozen = freeze || ["1", "true", "yes", "on"].contains(environment["FACTORY_TUI_FREEZE"]?.lowercased() ?? "")
        var model = AppModel(width: terminal.size.width, height: terminal.size.height,
                             configurationSummary: Self.summary(configuration), isFrozen: isFrozen)
        model.isolation = configuration.isolation
        let startEvents: [AppEvent] = domain.flatMap { domain in problem.map { [.openTask(domain: domain, problem: $0)] } } ?? []
        AppLoop(terminal: terminal, factory: factory, model: model, logger: logger, startEvents: startEvents).run()
    }

    /// The repository's examples/plugins, found above the executable (it runs from .build/…).
    static func examplesFolder() -> String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("examples/plugins").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// A logger writing to factory-tui.log in the state folder (nowhere if it cannot be opened).
    static func logger(stateFolder: String, level: Logger.Level) -> Logger {
        try? FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true)
        guard let handler = FileLogHandler.open(stateFolder + "/factory-tui.log", level: level) else {
            return Logger(label: "factory-tui", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        return Logger(label: "factory-tui", factory: handler)
    }

    /// The configuration in one line, for the status bar.
    static func summary(_ configuration: FactoryConfiguration) -> String {
        let folder = FileManager.default.currentDirectoryPath + "/"
        let paths = configuration.pluginPath.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 }
        let sandbox = configuration.isSandboxEnabled
            ? "sandbox on, \(Format.fixed(Double(configuration.sandboxTimeout.components.seconds) + Double(configuration.sandboxTimeout.components.attoseconds) / 1e18, 1))s"
            : "SANDBOX OFF (unsafe)"
        let isolation = configuration.isolation == .process ? "isolated workers" : "IN-PROCESS plugins"
        return "\(sandbox) · \(isolation) · \(configuration.isDeepFingerprint ? "deep" : "fast") fingerprints · plugins: \(paths.isEmpty ? "none" : paths.joined(separator: ":"))"
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
FactoryTUICommand.main()

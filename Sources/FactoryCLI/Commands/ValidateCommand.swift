import ArgumentParser
import PlannerFactory
import PlannerKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plugin bundle: its manifest, then in the sandbox loading, describe, create and a smoke plan.",
        discussion: """
            Without --objective, create and the smoke plan are skipped: only the manifest, the probe and the \
            descriptor are checked. A dylib's library is copied into the state folder (FACTORY_STATE_DIR, \
            or --state-dir) and probed there, as discovery does. Exit 0 when every check passes, 3 when one fails.
            """)

    @Argument(help: "The bundle folder (the one holding planner.json).")
    var path: String

    @Option(name: .long, help: "The smoke objective; without it, create and plan are skipped.")
    var objective: String?

    @Option(name: .customLong("param"), help: "An objective parameter key=value (repeatable).")
    var parameters: [String] = []

    @OptionGroup var options: CommonOptions

    func run() throws {
        let configuration = try options.configuration.configuration()
        let parsed = try PlanCommand.parse(parameters: parameters)
        let smoke = objective.map { Objective(text: $0, parameters: parsed) }
        let report = PluginValidator.validate(bundle: path, objective: smoke, configuration: configuration)
        if options.json {
            Output.json(report.json)
        } else {
            print("validate \(TerminalText.escaped(report.bundle))")
            for check in report.checks {
                let mark = check.passed.map { $0 ? "ok" : "FAILED" } ?? "skipped"
                print("  \(mark.padding(8))\(check.name.padding(21))\(TerminalText.escaped(check.detail))")
            }
            for warning in report.warnings { print("  warning: \(TerminalText.escaped(warning))") }
            if let plan = report.plan {
                for (index, step) in plan.steps.enumerated() { print("    \(index + 1). \(TerminalText.escaped(step))") }
            }
            print(report.isValid ? "valid" : "not valid")
        }
        if !report.isValid { throw ExitStatus.plannerFailed }
    }
}

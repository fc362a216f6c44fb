import ArgumentParser
import PlannerFactory
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// The `factory` command: the planner registry for scripts and CI.
public struct FactoryCommand: ParsableCommand {
    /// The version printed by `factory --version`.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "factory",
        abstract: "Discover, rank, select and run planner plugins.",
        discussion: """
            Exit codes: 0 ok; 1 usage or configuration error; 2 nothing selectable or no such planner; \
            3 a planner failed (a plan error, a degraded health check).
            """,
        version: version,
        subcommands: [
            ListCommand.self, ShowCommand.self, RankCommand.self, SelectCommand.self, PlanCommand.self,
            HealthCommand.self, ReleaseCommand.self, ConfigCommand.self, TelemetryCommand.self, ValidateCommand.self,
            TaskCommand.self, PsCommand.self,
        ])

    public init() {}

    /// Runs the command line and exits with the documented exit codes (argument-parser's usage
    /// code 64 becomes 1). FactoryErrors print their message, and a JSON error with `--json`.
    /// The arguments keep bytes that are not UTF-8 (`ProcessArguments`), so a path names its file.
    public static func runAndExit(arguments: [String] = Array(ProcessArguments.current().dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            // Output that could not be written (a full disk, a closed pipe) is a failure, not success.
            if fflush(nil) != 0 {
                Output.error("error: could not write the output (\(String(cString: strerror(errno)))).")
                leave(1)
            }
            leave(0)
        } catch let error as FactoryError {
            report(error, json: arguments.contains("--json"))
            leave(ExitStatus.code(for: error))
        } catch let status as ExitStatus {
            leave(status.code)
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { print(message) }
            } else {
                Output.error(message)
            }
            leave(code == 64 ? 1 : code)
        }
    }

    /// Exits with `code` after what the command's factories must do first (`CommandContext.finish`).
    private static func leave(_ code: Int32) -> Never {
        CommandContext.finish()
        Glibc.exit(code)
    }

    private static func report(_ error: FactoryError, json: Bool) {
        if json {
            Output.json(["error": ["code": .string(error.code.description), "message": .string(error.message),
                                   "context": .object(error.context.mapValues(JSONValue.string))]])
        }
        Output.error("error: \(error)")
    }
}

/// An exit with a specific status after output was already printed.
struct ExitStatus: Error {
    var code: Int32

    static let nothingSelectable = ExitStatus(code: 2)
    static let plannerFailed = ExitStatus(code: 3)

    /// The exit status for a factory error: 1 configuration, 2 nothing selectable or not found, 3 a planner failed.
    static func code(for error: FactoryError) -> Int32 {
        switch error.code {
        case .invalidConfiguration, .invalidArgument, .stateFolderBusy, .liveUnavailable: 1
        case .plannerNotFound, .noActivePlanners, .selectionError: 2
        case .cancelled: 130
        default: 3
        }
    }
}

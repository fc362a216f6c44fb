import ArgumentParser
import PlannerFactory
import PlannerKit

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a quarantined plugin and probe it again at once; exit 3 when it is quarantined again.")

    @Argument(help: "The quarantined planner's name.")
    var name: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let factory = try CommandContext.factory(options)
        let record = try factory.release(name)
        if options.json {
            Output.json(record.json)
        } else {
            switch record.status {
            case .active: print("\(name): released, probed again: active")
            case .quarantined: print("\(name): released, probed again: quarantined again: \(TerminalText.escaped(record.reason ?? "no reason recorded"))")
            default: print("\(name): released; now \(record.status)\(record.reason.map { ": " + TerminalText.escaped($0) } ?? "")")
            }
        }
        if record.status == .quarantined { throw ExitStatus.plannerFailed }
    }
}

import ArgumentParser
import PlannerFactory
import PlannerKit

/// `factory ps`: the live publishers of a state folder.
struct PsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ps",
        abstract: "List the processes publishing live factory events in the state folder.",
        discussion: """
            A factory publishes with FACTORY_PUBLISH=1 (or --publish); factory-tui publishes by default. \
            Shows each publisher's pid, start time, planners, selections so far, other subscribers and command. \
            Publishers that are gone are cleaned up. Follow one with: factory telemetry --follow PID.
            """)

    @OptionGroup var options: CommonOptions

    func run() throws {
        let configuration = try options.configuration.configuration()
        let entries = LivePublishers(stateDirectory: configuration.stateDirectory).entries()
        if options.json {
            Output.json(.array(entries.map(LivePublishers.json)))
            return
        }
        guard !entries.isEmpty else {
            print("No live publishers in \(TerminalText.escaped(LiveDirectory(stateDirectory: configuration.stateDirectory).path)) (start one with FACTORY_PUBLISH=1).")
            return
        }
        print(LivePublishers.table(entries))
    }
}

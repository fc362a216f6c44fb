import ArgumentParser
import PlannerFactory
import PlannerKit

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show every configuration key, its value and where it came from.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let configuration = try options.configuration.configuration()
        if options.json {
            Output.json(configuration.json)
            return
        }
        var table = TextTable(["KEY", "VALUE", "SOURCE", "FLAG"])
        for entry in configuration.dump() {
            table.add([entry.key, entry.value.isEmpty ? "\"\"" : entry.value, entry.source.rawValue, entry.flag])
        }
        print(table.render())
    }
}

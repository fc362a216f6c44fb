import ArgumentParser
import PlannerFactory
import PlannerKit

struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Check every planner; exit 3 when the factory is degraded.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let factory = try CommandContext.factory(options)
        let report = factory.health()
        if options.json {
            Output.json(report.json)
        } else {
            var table = TextTable(["NAME", "STATUS", "HEALTH", "DETAIL"])
            for check in report.checks {
                let health = check.isHealthy.map { $0 ? "ok" : "FAILED" } ?? "excluded"
                table.add([check.name, check.status.description, health, check.detail])
            }
            print(table.render())
            print("factory: \(report.status)")
        }
        if !report.isHealthy { throw ExitStatus.plannerFailed }
    }
}

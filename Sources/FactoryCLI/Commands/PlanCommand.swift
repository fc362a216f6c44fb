import ArgumentParser
import PlannerFactory
import PlannerKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Run the named planner, or the best one, on an objective and print the plan.")

    @Argument(help: "The planner to run; omitted, the best for --capabilities is selected.")
    var name: String?

    @OptionGroup var request: RequestOptions

    @Option(name: .customLong("param"), help: "An objective parameter key=value (repeatable).")
    var parameters: [String] = []

    @Option(name: .customLong("config"), help: "The planner configuration, a JSON object.")
    var configurationJSON: String?

    @Option(name: .customLong("deadline"), parsing: .unconditional, help: "Seconds the plan may take (shorter than FACTORY_PLAN_TIMEOUT; enforced on isolated planners).")
    var deadline: String?

    @Flag(name: .customLong("no-validate"), help: "Return a plan for a PDDL task without validating it first.")
    var noValidate = false

    @Option(name: .long, parsing: .unconditional, help: "Run the N best selectable planners at once; the first valid plan wins, a proof of unsolvability ends it, the others are cancelled.")
    var portfolio: Int?

    func validate() throws {
        if let portfolio, !(1...64).contains(portfolio) { throw ValidationError("--portfolio must be from 1 to 64, not \(portfolio).") }
        if portfolio != nil, name != nil { throw ValidationError("--portfolio selects its planners: name none.") }
        if request.objective.isEmpty, request.domain == nil, parameters.isEmpty {
            throw ValidationError("plan needs an objective: --objective TEXT, --param key=value, or a PDDL task (--domain and --problem).")
        }
    }

    @OptionGroup var options: CommonOptions

    func run() throws {
        var seconds: Double?
        if let deadline {
            guard let value = Double(deadline.trimmingCharacters()), value.isFinite, value > 0, value <= 86_400 else {
                throw FactoryError(.invalidArgument, "--deadline \"\(deadline)\" is not valid: expected a number of seconds greater than 0 and at most 86400, e.g. 5 or 0.5.")
            }
            seconds = value
        }
        let (objective, _) = try request.makeObjective(parameters: try Self.parse(parameters: parameters), deadline: seconds)
        let configuration = try parsedConfiguration()
        let factory = try CommandContext.factory(options) { $0.validatesPlans = !noValidate }
        if objective.deadline != nil, let name, let record = factory.record(named: name), record.kind.isPlugin, factory.isolation(of: record) == .inProcess {
            Output.error("warning: \(name) runs in-process, where a plan deadline cannot be enforced: --deadline is passed to it, and it must stop on its own")
        }
        if let portfolio {
            try runPortfolio(of: portfolio, objective: objective, factory: factory, configuration: configuration)
            return
        }
        let start = ContinuousClock.now
        let plan = try factory.plan(objective, using: name, configuration: configuration)
        let duration = ContinuousClock.now - start
        if options.json {
            Output.json(plan.json)
            return
        }
        Self.show(plan, duration: duration, objective: objective)
    }

    /// Prints a plan, its validation and its stats.
    static func show(_ plan: Plan, duration: Duration, objective: Objective) {
        print("plan by \(TerminalText.escaped(plan.planner)): \(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s"), cost \(plan.cost.map(JSONValue.format) ?? "unknown"), \(duration.microsecondsText)")
        for (index, step) in plan.steps.enumerated() { print("  \(index + 1). " + TerminalText.escaped(step)) }
        var stats = plan.stats
        if let validation = stats.removeValue(forKey: "validation") {
            switch validation["result"]?.stringValue {
            case "valid": print("validation: ✓ valid, cost \(validation["cost"]?.numberValue.map(JSONValue.format) ?? "unknown")")
            default: print("validation: unverified (\(validation["reason"]?.stringValue ?? "no reason"))")
            }
        } else if objective.task != nil {
            print("validation: skipped (--no-validate)")
        }
        if !stats.isEmpty { print("stats: \(JSONValue.object(stats))") }
    }

    /// `key=value` options as objective parameters.
    static func parse(parameters: [String]) throws(FactoryError) -> [String: String] {
        var result: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw FactoryError(.invalidArgument, "--param \"\(parameter)\" is not of the form key=value.")
            }
            result[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        return result
    }

    private func parsedConfiguration() throws(FactoryError) -> PlannerConfiguration {
        guard let configurationJSON else { return [:] }
        do {
            let value = try JSONValue(parsing: configurationJSON, rejectingDuplicateKeys: true)
            guard let object = value.objectValue else {
                throw FactoryError(.invalidArgument, "--config must be a JSON object, not \(value.typeDescription).")
            }
            return object
        } catch let error as JSONParseError {
            throw FactoryError(.invalidArgument, "--config is not valid JSON: \(error).")
        } catch let error as FactoryError {
            throw error
        } catch {
            throw FactoryError(.invalidArgument, "--config could not be read: \(error).")
        }
    }
}

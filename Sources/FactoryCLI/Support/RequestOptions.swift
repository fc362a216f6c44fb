import ArgumentParser
import PlannerFactory
import PlannerKit

/// `--capabilities`, `--objective` and a PDDL task (`--domain`, `--problem`, `--optimal`),
/// shared by rank, select and plan.
struct RequestOptions: ParsableArguments {
    @Option(name: .long, help: "Required capabilities, comma-separated (e.g. grid,optimal).")
    var capabilities: String?

    @Option(name: .long, help: "The objective text (e.g. \"route from 0,0 to 7,3\").")
    var objective: String = ""

    @Option(name: .long, help: "A PDDL domain file; with --problem the objective is that task, and the features it uses become required capabilities (pddl, pddl:typing …).")
    var domain: String?

    @Option(name: .long, help: "A PDDL problem file (with --domain).")
    var problem: String?

    @Flag(name: .long, help: "Ask for an optimal plan: requires the capability optimal.")
    var optimal = false

    var capabilityList: [String] {
        var list = CommandContext.capabilities(capabilities)
        if optimal, !list.contains("optimal") { list.append("optimal") }
        return list
    }

    func validate() throws {
        if (domain == nil) != (problem == nil) {
            throw ValidationError("--domain and --problem go together: give both files of the PDDL task, or neither.")
        }
    }

    /// The request as an objective: the PDDL task's when `--domain` and `--problem` are given
    /// (its text then names the problem unless `--objective` says otherwise), else the text and
    /// capabilities as given.
    /// - Throws: `FactoryError.invalidArgument` for files that cannot be read or are not valid PDDL.
    func makeObjective(parameters: [String: String] = [:], deadline: Double? = nil) throws(FactoryError) -> (Objective, TaskAnalysis?) {
        guard let domain, let problem else {
            return (Objective(text: objective, capabilities: capabilityList, parameters: parameters, deadline: deadline), nil)
        }
        var (made, analysis) = try Objective.pddl(
            domain: PDDLTaskFile.read(domain, role: "domain"), problem: PDDLTaskFile.read(problem, role: "problem"),
            domainName: domain, problemName: problem, capabilities: capabilityList, optimal: optimal, deadline: deadline)
        if !objective.isEmpty { made.text = objective }
        made.parameters = parameters
        return (made, analysis)
    }
}

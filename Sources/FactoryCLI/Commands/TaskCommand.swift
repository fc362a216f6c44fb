import ArgumentParser
import PDDL
import PlannerFactory
import PlannerKit

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Print a PDDL task's features (the capabilities it requires) and sizes.",
        discussion: """
            Features are what the task uses in its actions, goal and derived predicates, not what its \
            :requirements line declares; declared but unused features are listed apart and required of no \
            planner. The ground-action estimate is an upper bound: for each action schema, the product over its \
            parameters of the number of objects (constants included) of the parameter's type, summed.
            """)

    @Argument(help: "The domain file.")
    var domain: String

    @Argument(help: "The problem file.")
    var problem: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let analysis = try TaskAnalysis(domain: PDDLTaskFile.read(domain, role: "domain"), problem: PDDLTaskFile.read(problem, role: "problem"),
                                        domainName: domain, problemName: problem)
        let features = analysis.features
        let unused = features.declaredButUnused.map(\.capability)
        let undeclared = features.usedButUndeclared.map(\.capability)
        if json {
            Output.json([
                "domain": .string(analysis.task.domain.name), "problem": .string(analysis.task.problem.name),
                "capabilities": .array(features.capabilities.map(JSONValue.string)),
                "declaredButUnused": .array(unused.map(JSONValue.string)),
                "usedButUndeclared": .array(undeclared.map(JSONValue.string)),
                "unknownRequirements": .array(features.unknownRequirements.map(JSONValue.string)),
                "objects": .number(Double(analysis.size.objects)),
                "actionSchemas": .number(Double(analysis.size.actionSchemas)),
                "groundActionEstimate": .number(Double(analysis.size.groundActionEstimate)),
            ])
            return
        }
        print("task: \(analysis.summary)")
        print("requires: \(features.capabilities.joined(separator: ", "))")
        if !undeclared.isEmpty { print("used but not declared: \(undeclared.joined(separator: ", "))") }
        if !unused.isEmpty { print("declared but unused (not required): \(unused.joined(separator: ", "))") }
        if !features.unknownRequirements.isEmpty { print("unknown requirements: \(features.unknownRequirements.joined(separator: " "))") }
        print("objects: \(analysis.size.objects) (constants included)")
        print("action schemas: \(analysis.size.actionSchemas)")
        let estimate = analysis.size.groundActionEstimate
        print("ground actions: at most \(estimate == Int.max ? "more than \(Int.max)" : String(estimate)) (upper estimate)")
    }
}

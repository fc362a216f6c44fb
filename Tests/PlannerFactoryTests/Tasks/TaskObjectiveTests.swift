import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// PDDL tasks as objectives: the features a task uses become its required capabilities.
struct TaskObjectiveTests {
    @Test(arguments: [
        ("blocks", "p01", ["pddl", "pddl:strips"]),
        ("elevator", "p01", ["pddl", "pddl:negative-preconditions", "pddl:strips", "pddl:typing"]),
        ("briefcase", "p01", ["pddl", "pddl:conditional-effects", "pddl:negative-preconditions", "pddl:strips", "pddl:typing"]),
        ("travel-costs", "p01", ["pddl", "pddl:action-costs", "pddl:strips", "pddl:typing"]),
    ])
    func theFeaturesATaskUsesAreItsRequiredCapabilities(domain: String, problem: String, expected: [String]) throws {
        let texts = try PDDLExamples.texts(domain, problem)
        let (objective, analysis) = try Objective.pddl(domain: texts.domain, problem: texts.problem, capabilities: ["fast"], optimal: true)
        #expect(objective.capabilities == expected + ["optimal", "fast"])
        #expect(objective.text == analysis.summary)
        #expect(objective.task == PlanningTask(domain: texts.domain, problem: texts.problem))
        // The task travels with the objective's JSON, as plugins receive it.
        #expect(try Objective(json: objective.json) == objective)
    }

    @Test func aSyntaxErrorNamesTheFileTheLineAndTheColumn() throws {
        let domain = PDDLExamples.domain("syntax-error")
        let problem = PDDLExamples.problem("syntax-error", "p01")
        #expect {
            _ = try TaskAnalysis(domain: PDDLTaskFile.read(domain, role: "domain"), problem: PDDLTaskFile.read(problem, role: "problem"),
                                 domainName: domain, problemName: problem)
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .invalidArgument && error?.message.hasPrefix(domain + ", line ") == true
                && error?.message.contains("expected ')'") == true
        }
        let badProblem = PDDLExamples.problem("syntax-error", "bad-problem")
        #expect {
            _ = try TaskAnalysis(domain: PDDLTaskFile.read(PDDLExamples.domain("blocks"), role: "domain"),
                                 problem: PDDLTaskFile.read(badProblem, role: "problem"), problemName: badProblem)
        } throws: { error in
            (error as? FactoryError)?.message.hasPrefix(badProblem + ", line ") == true
        }
    }

    @Test func aMissingFileIsAnInvalidArgumentNamingIt() {
        #expect {
            _ = try PDDLTaskFile.read("/does/not/exist.pddl", role: "domain")
        } throws: { error in
            (error as? FactoryError)?.message == "The domain file /does/not/exist.pddl cannot be read: no such file or directory."
        }
    }
}

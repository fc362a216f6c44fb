import PDDL
import PlannerKit

/// What the factory reads from a PDDL task: the features it uses (which become the objective's
/// required capabilities), those its `:requirements` declare but it never uses, and its sizes.
public struct TaskAnalysis: Sendable {
    /// The domain and problem, checked together.
    public let task: ParsedTask
    /// The features used and declared.
    public let features: TaskFeatures
    /// Objects, action schemas and an upper estimate of ground actions.
    public let size: TaskSize

    /// Parses and checks a domain and a problem.
    /// - Parameters:
    ///   - domainName, problemName: how to name the two texts in errors (their paths).
    /// - Throws: `FactoryError.invalidArgument` with the file, line and column of the first problem.
    public init(domain: String, problem: String, domainName: String = "the domain", problemName: String = "the problem") throws(FactoryError) {
        let parsedDomain: Domain
        let parsedProblem: Problem
        do {
            parsedDomain = try PDDLParser.parseDomain(domain)
        } catch {
            throw Self.error(error, in: domainName)
        }
        do {
            parsedProblem = try PDDLParser.parseProblem(problem)
            task = try ParsedTask(domain: parsedDomain, problem: parsedProblem)
        } catch {
            throw Self.error(error, in: error.document == "domain" ? domainName : problemName)
        }
        features = TaskFeatures(task)
        size = TaskSize(task)
    }

    /// The capabilities a planner needs for this task: `pddl`, one `pddl:…` per feature used,
    /// and `optimal` when an optimal plan is asked for.
    public func capabilities(optimal: Bool) -> [String] {
        features.capabilities + (optimal ? ["optimal"] : [])
    }

    /// "problem p04 of domain blocks": the text of the objective.
    public var summary: String {
        "problem \(task.problem.name) of domain \(task.domain.name)"
    }

    private static func error(_ error: PDDLError, in name: String) -> FactoryError {
        let place = error.position.map { "\(name), \($0)" } ?? name
        return FactoryError(.invalidArgument, "\(place): \(error.message)", context: ["path": name, "code": error.code.description])
    }
}

extension Objective {
    /// An objective for a PDDL task: its text names the problem, its required capabilities are
    /// the task's features (plus `capabilities`, and `optimal` when asked), and it carries the
    /// task for the planner.
    /// - Throws: `FactoryError.invalidArgument` when the texts are not a valid task.
    public static func pddl(
        domain: String, problem: String, domainName: String = "the domain", problemName: String = "the problem",
        capabilities: [String] = [], optimal: Bool = false, deadline: Double? = nil
    ) throws(FactoryError) -> (Objective, TaskAnalysis) {
        let analysis = try TaskAnalysis(domain: domain, problem: problem, domainName: domainName, problemName: problemName)
        var required = analysis.capabilities(optimal: optimal)
        for capability in capabilities where !required.contains(capability) { required.append(capability) }
        let objective = Objective(text: analysis.summary, capabilities: required, deadline: deadline,
                                  task: PlanningTask(domain: domain, problem: problem))
        return (objective, analysis)
    }
}

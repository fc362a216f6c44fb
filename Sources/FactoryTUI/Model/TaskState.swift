import PlannerFactory
import PlannerKit

/// A PDDL task loaded from two files (`--domain/--problem`, or `t` in the running TUI): its texts
/// for the objective, and what the factory read from it for the screen.
public struct LoadedTask: Sendable, Hashable {
    /// The files, as given.
    public var domainPath: String
    public var problemPath: String
    /// The task the objective carries.
    public var task: PlanningTask
    /// The names in the files: `(define (domain blocks) …)`, `(define (problem p01) …)`.
    public var domainName: String
    public var problemName: String
    /// The capabilities derived from the features the task uses: `pddl`, `pddl:strips` …
    public var capabilities: [String]
    /// Features its `:requirements` declare but it never uses (they exclude no planner).
    public var declaredButUnused: [String]
    public var objects: Int
    public var actionSchemas: Int
    /// The upper estimate of ground actions (`Int.max` when it overflows).
    public var groundActionEstimate: Int

    public init(domainPath: String, problemPath: String, task: PlanningTask, domainName: String, problemName: String,
                capabilities: [String], declaredButUnused: [String] = [], objects: Int, actionSchemas: Int, groundActionEstimate: Int) {
        self.domainPath = domainPath
        self.problemPath = problemPath
        self.task = task
        self.domainName = domainName
        self.problemName = problemName
        self.capabilities = capabilities
        self.declaredButUnused = declaredButUnused
        self.objects = objects
        self.actionSchemas = actionSchemas
        self.groundActionEstimate = groundActionEstimate
    }

    /// What the factory read from the two texts.
    /// - Throws: `FactoryError.invalidArgument` with the file, line and column of the first problem.
    public init(domainPath: String, problemPath: String, domain: String, problem: String) throws(FactoryError) {
        let analysis = try TaskAnalysis(domain: domain, problem: problem, domainName: domainPath, problemName: problemPath)
        self.init(domainPath: domainPath, problemPath: problemPath, task: PlanningTask(domain: domain, problem: problem),
                  domainName: analysis.task.domain.name, problemName: analysis.task.problem.name,
                  capabilities: analysis.capabilities(optimal: false),
                  declaredButUnused: analysis.features.declaredButUnused.map(\.capability),
                  objects: analysis.size.objects, actionSchemas: analysis.size.actionSchemas,
                  groundActionEstimate: analysis.size.groundActionEstimate)
    }

    /// Reads and analyses the two files (blocking: run it off the UI thread).
    /// - Throws: `FactoryError.invalidArgument` naming the file that cannot be read, or the file,
    ///   line and column of the first syntax or consistency problem.
    public static func read(domain domainPath: String, problem problemPath: String) throws(FactoryError) -> LoadedTask {
        let domain = try PDDLTaskFile.read(domainPath, role: "domain")
        let problem = try PDDLTaskFile.read(problemPath, role: "problem")
        return try LoadedTask(domainPath: domainPath, problemPath: problemPath, domain: domain, problem: problem)
    }

    /// "problem p01 of domain blocks": the objective's text.
    public var summary: String { "problem \(problemName) of domain \(domainName)" }

    /// "4 objects · 4 action schemas · ≤ 56 ground actions".
    public var sizeSummary: String {
        let estimate = groundActionEstimate == Int.max ? "> \(Int.max)" : "≤ \(groundActionEstimate)"
        return "\(objects) objects · \(actionSchemas) action schemas · \(estimate) ground actions"
    }

    /// The objective for a run: the text and capabilities as the fields have them now (the user may
    /// have added or removed capabilities), carrying the task.
    public func objective(text: String, capabilities: [String]) -> Objective {
        Objective(text: text, capabilities: capabilities, task: task)
    }
}

/// The form `t` opens: the paths of a domain and a problem. Its fields keep what was typed after
/// it closes, so a failed load can be corrected.
public struct TaskForm: Sendable, Hashable {
    public enum Field: Sendable, Hashable { case domain, problem }

    public var domain = TextField()
    public var problem = TextField()
    public var field = Field.domain
    public var isShown = false

    public init() {}

    public var focused: TextField {
        get { field == .domain ? domain : problem }
        set { if field == .domain { domain = newValue } else { problem = newValue } }
    }
}

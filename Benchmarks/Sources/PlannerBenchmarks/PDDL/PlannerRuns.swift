import PlannerFactory
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// What the planner-overhead rows need: the repository (its `examples/pddl` and the planners'
/// environment of `scripts/install-planners`), and the factory's helpers.
struct PlannerRunTools: Sendable {
    var repository: String
    var probePath: String
    var hostPath: String

    var bundles: String { repository + "/.venv-planners/bundles" }
    var python: String { repository + "/.venv-planners/bin/python" }

    /// One third-party planner on one task, and the planner's own command for it (run in a
    /// folder holding `domain.pddl` and `problem.pddl`), as its wrapper runs it.
    struct Case {
        var planner: String
        var domain: String
        var problem: String
        var direct: [String]
    }

    /// Fast Downward lama-first on blocks/p04, and pyperplan gbf + hff on gripper/p01.
    func cases() throws(BenchmarkFailure) -> [Case] {
        let find = "import importlib.util, os; spec = importlib.util.find_spec('up_fast_downward'); "
            + "print(os.path.join(list(spec.submodule_search_locations)[0], 'downward', 'fast-downward.py'))"
        let (status, output) = try NativeCalls.runJoiningOutput([python, "-c", find])
        let driver = String(output.prefix { $0 != "\n" })
        guard status == 0, access(driver, R_OK) == 0 else {
            throw BenchmarkFailure("Fast Downward's driver was not found with \(python): \(output)")
        }
        let tasks = repository + "/examples/pddl/"
        return [
            Case(planner: "fd-lama-first", domain: tasks + "blocks/domain.pddl", problem: tasks + "blocks/p04.pddl",
                 direct: [python, driver, "--plan-file", "sas_plan", "--overall-memory-limit", "2048M",
                          "--alias", "lama-first", "domain.pddl", "problem.pddl"]),
            Case(planner: "pyperplan-gbf-hff", domain: tasks + "gripper/domain.pddl", problem: tasks + "gripper/p01.pddl",
                 direct: [python, "-m", "pyperplan", "-s", "gbf", "-H", "hff", "domain.pddl", "problem.pddl"]),
        ]
    }
}

/// The planner's own command in a fresh folder holding the task (copied untimed), spawned and
/// waited for; the sample checks it wrote a plan.
final class DirectPlannerMeasurement: Measurement {
    let run: PlannerRunTools.Case
    let root: String
    private let environment = CStringArray(["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "PYTHONHASHSEED=0"])

    init(_ run: PlannerRunTools.Case, root: String) {
        self.run = run
        self.root = root
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let folder = try SystemError.makeUniqueFolder(in: root, prefix: "direct")
        defer { SystemError.removeTree(folder) }
        try SystemError.writeFile(try SystemError.readFile(run.domain), to: folder + "/domain.pddl")
        try SystemError.writeFile(try SystemError.readFile(run.problem), to: folder + "/problem.pddl")
        let previous = SystemError.currentFolder()
        guard chdir(folder) == 0 else { throw BenchmarkFailure("cannot enter \(folder)") }
        defer { _ = chdir(previous) }
        let command = CStringArray(run.direct)
        let stopwatch = Stopwatch()
        let status = try NativeCalls.spawnAndWait(command, environment: environment, discardingOutput: true)
        let timing = stopwatch.elapsed()
        let wrote = access(folder + "/sas_plan", F_OK) == 0 || access(folder + "/problem.pddl.soln", F_OK) == 0
        guard status == 0, wrote else {
            throw BenchmarkFailure("the direct \(run.planner) command ended with wait status \(status)\(wrote ? "" : " and wrote no plan")")
        }
        return timing
    }
}

/// The same task through the factory: select for the task's features, `planner(named:)`, the
/// plan call and the validation of its plan. Cold: a new factory each sample (made, discovered
/// and its probes read from the state folder untimed), so the worker starts within the sample;
/// warm: one factory and its worker for every sample.
final class FactoryPlannerMeasurement: Measurement {
    let run: PlannerRunTools.Case
    let configuration: FactoryConfiguration
    let isCold: Bool
    private let objective: Objective
    private var warm: PlannerFactory?

    init(_ run: PlannerRunTools.Case, configuration: FactoryConfiguration, cold: Bool) throws(BenchmarkFailure) {
        self.run = run
        var configuration = configuration
        if cold { configuration.workerIdle = .milliseconds(100) }
        self.configuration = configuration
        isCold = cold
        let (domain, problem) = (try SystemError.readText(run.domain), try SystemError.readText(run.problem))
        do {
            objective = try Objective.pddl(domain: domain, problem: problem).0
        } catch {
            throw BenchmarkFailure("the task of \(run.planner) does not load: \(error.message)")
        }
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let factory: PlannerFactory
        if !isCold, let warm {
            factory = warm
        } else {
            factory = try discovered()
            if !isCold { warm = factory }
        }
        let stopwatch = Stopwatch()
        let plan: Plan
        do {
            _ = try factory.selectBestPlanner(objective: objective.text, capabilities: objective.capabilities)
            plan = try factory.planner(named: run.planner).plan(objective)
        } catch {
            throw BenchmarkFailure("\(run.planner) through the factory failed: \(error.message)")
        }
        let timing = stopwatch.elapsed()
        guard plan.stats["validation"]?["result"] == "valid" else {
            throw BenchmarkFailure("\(run.planner)'s plan was not validated: \(plan.stats["validation"].map { "\($0)" } ?? "no validation")")
        }
        // A cold run's worker ends once idle (`workerIdle` is short for cold runs), untimed.
        if isCold, let pid = (try? factory.planner(named: run.planner))?.workers.first?.pid {
            try WorkerExitWait.untilGone(pid, seconds: 30)
        }
        return timing
    }

    private func discovered() throws(BenchmarkFailure) -> PlannerFactory {
        let factory = PlannerFactory(configuration: configuration)
        factory.discover()
        let summary = factory.probePending()
        guard factory.record(named: run.planner)?.isActive == true else {
            throw BenchmarkFailure("\(run.planner) is not active in \(configuration.pluginPath): \(summary.warnings.joined(separator: "; "))")
        }
        return factory
    }
}

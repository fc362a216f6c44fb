import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The bundles `scripts/install-planners` installs.
private let installedPlanners = ["fd-lama-first", "fd-optimal", "pyperplan-gbf-hff"]

/// Fast Downward and pyperplan behind the factory, as `scripts/install-planners` installs them:
/// real planners from PyPI in real workers, every plan validated.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"),
       .enabled(if: InstalledPlanners.shouldRun(installedPlanners), Comment(rawValue: InstalledPlanners.skipReason)))
struct InstalledPlannerTests {
    static let planners = installedPlanners

    /// A factory over copies of the installed bundles, in a folder of the test's own.
    static func factory(_ root: TemporaryFolder, configure: (inout FactoryConfiguration) -> Void = { _ in }) throws -> PlannerFactory {
        for name in planners {
            try #require(InstalledPlanners.has(name), "scripts/install-planners has not installed \(name)")
        }
        try WorkerFixtures.copy(planners.map { InstalledPlanners.bundles + "/" + $0 }, into: root)
        return WorkerFixtures.factory(root, configure: configure)
    }

    static func objective(_ domain: String, _ problem: String, optimal: Bool = false, deadline: Double? = nil) throws -> Objective {
        let texts = try PDDLExamples.texts(domain, problem)
        return try Objective.pddl(domain: texts.domain, problem: texts.problem, optimal: optimal, deadline: deadline).0
    }

    @Test(arguments: [
        ("fd-lama-first", "briefcase", "p02"), ("fd-lama-first", "adl-doors", "p02"), ("fd-lama-first", "travel-costs", "p02"),
        ("fd-optimal", "elevator", "p02"), ("fd-optimal", "travel-costs", "p02"),
        ("pyperplan-gbf-hff", "gripper", "p01"), ("pyperplan-gbf-hff", "either-transport", "p02"),
    ])
    func eachPlannerReturnsAValidPlan(planner: String, domain: String, problem: String) throws {
        let root = try TemporaryFolder()
        let factory = try Self.factory(root)
        let plan = try factory.plan(Self.objective(domain, problem), using: planner)
        #expect(plan.planner == planner)
        #expect(plan.stats["validation"]?["result"] == "valid")
        #expect(plan.steps.allSatisfy { $0.hasPrefix("(") && $0.hasSuffix(")") && $0 == $0.lowercased() })
    }

    @Test func theBestPlannerForATaskIsSelectedByItsFeatures() throws {
        let root = try TemporaryFolder()
        let factory = try Self.factory(root)
        // Conditional effects: only Fast Downward's lama-first handles them.
        #expect(try factory.plan(Self.objective("briefcase", "p01")).planner == "fd-lama-first")
        // Optimal: only astar(lmcut()); blocks/p01's optimal cost is 8.
        let optimal = try factory.plan(Self.objective("blocks", "p01", optimal: true))
        #expect(optimal.planner == "fd-optimal")
        #expect(optimal.stats["validation"] == .object(["result": "valid", "cost": 8]))
    }

    @Test(arguments: installedPlanners)
    func anUnsolvableTaskIsAnAnswerNotAFault(planner: String) throws {
        let root = try TemporaryFolder()
        let factory = try Self.factory(root) { $0.maxFailures = 1 }
        #expect {
            _ = try factory.plan(Self.objective("blocks", "unsolvable"), using: planner)
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .planningFailed && error?.context["code"] == "unsolvable"
        }
        #expect(factory.record(named: planner)?.status == .active)
    }

    @Test func aTaskBeyondAPlannerIsUnsupportedNotAFault() throws {
        let root = try TemporaryFolder()
        let factory = try Self.factory(root) { $0.maxFailures = 1 }
        // Named explicitly: the ranking would never choose pyperplan for negative preconditions.
        #expect {
            _ = try factory.plan(Self.objective("elevator", "p01"), using: "pyperplan-gbf-hff")
        } throws: { error in
            (error as? FactoryError)?.context["code"] == "unsupported"
        }
        #expect {
            _ = try factory.plan(Self.objective("briefcase", "p01"), using: "fd-optimal")
        } throws: { error in
            (error as? FactoryError)?.context["code"] == "unsupported"
        }
        #expect(factory.record(named: "pyperplan-gbf-hff")?.status == .active)
        #expect(factory.record(named: "fd-optimal")?.status == .active)
    }

    @Test(arguments: ["fd-optimal", "pyperplan-gbf-hff"])
    func aDeadlineEndsTheSearchAndEverythingItStarted(planner: String) throws {
        let root = try TemporaryFolder()
        let factory = try Self.factory(root) { $0.maxFailures = 1 }
        let instance = try factory.planner(named: planner)
        let worker = try #require(instance.workers.first?.pid)
        // blocks/p05 takes either of them several seconds.
        #expect {
            _ = try instance.plan(Self.objective("blocks", "p05", deadline: 1))
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .callTimeout || error?.context["code"] == "limit-reached"
        }
        #expect(factory.record(named: planner)?.status == .active)
        // Whoever stopped it (the wrapper at its cap, or the factory at the deadline), no search
        // runs on under the worker.
        var searches: [String] = []
        for _ in 0..<100 {
            searches = LivingProcesses.descendants(of: worker).filter { $0.contains("downward") || $0.contains("-m pyperplan") }
            if searches.isEmpty { break }
            usleep(30_000)
        }
        #expect(searches.isEmpty, "left running: \(searches)")
    }
}

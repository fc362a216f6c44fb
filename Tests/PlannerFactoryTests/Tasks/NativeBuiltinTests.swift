import Foundation
import NativePlanner
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The native PDDL planners as the factory's builtins: selected by the task's features, their
/// plans validated, and (in-process as they are) stopped by a deadline or a cancellation.
struct NativeBuiltinTests {
    static func factory(_ root: TemporaryFolder) -> PlannerFactory {
        let factory = root.factory([], builtins: NativePlanners.all.map { BuiltinPlanner($0) })
        factory.discover()
        return factory
    }

    /// 30 blocks that must end in a cycle: the relaxed task reaches the goal, so only an
    /// exhausting search could prove it unsolvable, and that search does not end in a test's time.
    static func endless() throws -> Objective {
        let names = (1...30).map { "b\($0)" }
        let initial = (["(handempty)"] + names.flatMap { ["(ontable \($0))", "(clear \($0))"] }).joined(separator: " ")
        let goal = names.indices.map { "(on \(names[$0]) \(names[($0 + 1) % names.count]))" }.joined(separator: " ")
        let problem = "(define (problem endless) (:domain blocks) (:objects \(names.joined(separator: " "))) (:init \(initial)) (:goal (and \(goal))))"
        return try Objective.pddl(domain: PDDLExamples.texts("blocks", "p01").domain, problem: problem).0
    }

    @Test func theNativePlannersSolveTasksByTheirFeaturesWithValidPlans() throws {
        let root = try TemporaryFolder()
        let factory = Self.factory(root)
        let texts = try PDDLExamples.texts("briefcase", "p02")
        let satisficing = try factory.plan(Objective.pddl(domain: texts.domain, problem: texts.problem).0)
        #expect(satisficing.planner == "native-gbfs")
        #expect(satisficing.stats["validation"]?["result"] == "valid")
        let blocks = try PDDLExamples.texts("blocks", "p01")
        let optimal = try factory.plan(Objective.pddl(domain: blocks.domain, problem: blocks.problem, optimal: true).0)
        #expect(optimal.planner == "native-astar")
        #expect(optimal.stats["validation"] == .object(["result": "valid", "cost": 8]))
    }

    @Test(arguments: ["native-gbfs", "native-astar"])
    func theObjectivesDeadlineStopsTheSearch(planner: String) throws {
        let root = try TemporaryFolder()
        let factory = Self.factory(root)
        var objective = try Self.endless()
        objective.deadline = 0.3
        #expect {
            _ = try factory.plan(objective, using: planner)
        } throws: { error in
            (error as? FactoryError)?.context["code"] == "limit-reached"
        }
    }

    @Test func cancellingTheTaskStopsTheSearch() async throws {
        let root = try TemporaryFolder()
        let factory = Self.factory(root)
        let instance = try await factory.planner(named: "native-gbfs")
        let objective = try Self.endless()
        let planning = Task { try await instance.plan(objective) }
        // Cancelled from a thread of its own: the search holds a thread until it stops.
        Thread.detachNewThread {
            usleep(200_000)
            planning.cancel()
        }
        await #expect(throws: FactoryError(.cancelled, "")) { try await planning.value }
        // Also through the factory, as the TUI's Esc does.
        let second = Task { try await instance.plan(objective) }
        let ended = Locked(false)
        Thread.detachNewThread {
            // Again until it ends: a cancellation before the call began would reach nothing.
            while !ended.withLock({ $0 }) {
                usleep(100_000)
                factory.cancelCalls(of: "native-gbfs")
            }
        }
        await #expect(throws: FactoryError(.cancelled, "")) { try await second.value }
        ended.withLock { $0 = true }
    }
}

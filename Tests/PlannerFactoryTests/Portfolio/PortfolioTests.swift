import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Portfolios of real process planners: the first valid plan wins, a proof of unsolvability
/// ends it, and the others are cancelled with their workers.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"))
struct PortfolioTests {
    /// A planner that answers after `seconds` with `answer` (a result or an error object).
    static func planner(_ root: TemporaryFolder, _ name: String, after seconds: Double, answer: String) throws {
        try WorkerFixtures.processBundle(root, name: name, body: """
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    time.sleep(\(seconds))
                    send(dict({"id": request["id"]}, **\(answer)))
            """)
    }

    static let solution = #"{"result": {"planner": "p", "steps": ["(unstack b1 b3)", "(put-down b1)", "(unstack b3 b2)", "(put-down b3)", "(pick-up b2)", "(stack b2 b1)", "(pick-up b4)", "(stack b4 b2)"]}}"#

    static func objective() throws -> Objective {
        let texts = try PDDLExamples.texts("blocks", "p01")
        var objective = try Objective.pddl(domain: texts.domain, problem: texts.problem).0
        objective.capabilities = ["x"]
        return objective
    }

    @Test func theFirstValidPlanWinsAndTheOthersAreCancelled() async throws {
        let root = try TemporaryFolder()
        try Self.planner(root, "quick", after: 0.2, answer: Self.solution)
        try Self.planner(root, "slow", after: 600, answer: Self.solution)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        let result = try await factory.portfolio(Self.objective(), size: 2)
        #expect(result.winner == "quick")
        #expect(result.plan?.stats["validation"]?["result"] == "valid")
        #expect(Set(result.runs.map(\.planner)) == ["quick", "slow"])
        #expect(result.runs.first { $0.planner == "slow" }?.outcome == "cancelled")
        #expect(factory.record(named: "slow")?.status == .active, "a cancelled run is no fault")
        // Both runs are in the plan-call telemetry.
        #expect(Set(factory.telemetry.snapshot().recentPlanCalls.map(\.planner)).isSuperset(of: ["quick", "slow"]))
        #expect(factory.workers().allSatisfy { $0.planner != "slow" }, "the slow planner's worker was ended")
    }

    @Test func aProofOfUnsolvabilityEndsThePortfolio() async throws {
        let root = try TemporaryFolder()
        try Self.planner(root, "prover", after: 0.2, answer: #"{"error": {"message": "no plan exists", "code": "unsolvable"}}"#)
        try Self.planner(root, "slow", after: 600, answer: Self.solution)
        let factory = WorkerFixtures.factory(root)
        let result = try await factory.portfolio(Self.objective(), size: 2)
        #expect(result.winner == nil)
        #expect(result.plan == nil)
        #expect(result.unsolvableProvenBy == "prover")
        #expect(result.runs.first { $0.planner == "slow" }?.outcome == "cancelled")
    }

    @Test func anInvalidPlanDoesNotWinAndCountsAgainstItsPlanner() async throws {
        let root = try TemporaryFolder()
        try Self.planner(root, "liar", after: 0.1, answer: #"{"result": {"planner": "liar", "steps": ["(pick-up b4)"]}}"#)
        try Self.planner(root, "honest", after: 0.6, answer: Self.solution)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        let result = try await factory.portfolio(Self.objective(), size: 2)
        #expect(result.winner == "honest")
        #expect(result.runs.first { $0.planner == "liar" }?.outcome == "invalid-plan")
        #expect(factory.record(named: "liar")?.status == .quarantined)
    }

    @Test func aSizeOutOfRangeIsAnInvalidArgument() async throws {
        let root = try TemporaryFolder()
        let factory = WorkerFixtures.factory(root)
        await #expect(throws: FactoryError(.invalidArgument, "")) { _ = try await factory.portfolio(Self.objective(), size: 0) }
    }
}

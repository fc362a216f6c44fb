import Foundation
import MetricsTestKit
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The factory's figures reach a swift-metrics backend given to it (MetricsTestKit's in-memory one).
struct FactoryMetricsTests {
    @Test func selectionsByOutcomeAndWinnerTheirLatencyAndPlanLatencyPerPlanner() throws {
        let root = try TemporaryFolder()
        let metrics = TestMetrics()
        var configuration = FactoryConfiguration()
        configuration.stateDirectory = root.path + "/state"
        let factory = PlannerFactory(configuration: configuration, builtins: [.stub("echo", capabilities: ["echo"]), .stub("other", capabilities: ["other"])],
                                     metrics: metrics)
        for _ in 0..<3 { _ = try factory.selectBestPlanner(objective: "a", capabilities: ["echo"]) }
        _ = try factory.selectBestPlanner(objective: "b", capabilities: ["other"])
        _ = try? factory.selectBestPlanner(objective: "c", capabilities: ["nothing-has-this"])
        _ = try factory.plan(Objective(text: "say", capabilities: ["echo"]))
        _ = try? factory.planner(named: "echo").plan(Objective(text: ""))

        #expect(try metrics.expectCounter("planner_factory_selections_total", [("outcome", "success")]).totalValue == 5)
        #expect(try metrics.expectCounter("planner_factory_selections_total", [("outcome", "failure")]).totalValue == 1)
        #expect(try metrics.expectCounter("planner_factory_selection_winners_total", [("planner", "echo")]).totalValue == 4)
        #expect(try metrics.expectCounter("planner_factory_selection_winners_total", [("planner", "other")]).totalValue == 1)
        #expect(try metrics.expectTimer("planner_factory_selection_duration_seconds").values.count == 6)
        #expect(try metrics.expectTimer("planner_factory_plan_duration_seconds", [("planner", "echo"), ("outcome", "success")]).values.count == 1)
        #expect(try metrics.expectTimer("planner_factory_plan_duration_seconds", [("planner", "echo"), ("outcome", "failure")]).values.count == 1)
    }

    @Test func withoutABackendNothingIsReported() {
        #expect(!FactoryMetrics().isEnabled, "the default is MetricsSystem's no-op backend (no test bootstraps one)")
        #expect(FactoryMetrics(factory: TestMetrics()).isEnabled)
    }
}

/// Probes by outcome and quarantines of real plugin libraries.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct FactoryProbeMetricsTests {
    @Test func probesByOutcomeAndQuarantinesAreCounted() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        try ProbingTests.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        let metrics = TestMetrics()
        var configuration = FactoryConfiguration()
        configuration.stateDirectory = root.path + "/state"
        configuration.pluginPath = [root.path + "/plugins"]
        configuration.probePath = CFixture.probe
        configuration.hostPath = CFixture.host
        let factory = PlannerFactory(configuration: configuration, metrics: metrics)
        factory.discover()
        factory.probePending()
        #expect(try metrics.expectCounter("planner_factory_probes_total", [("outcome", "passed")]).totalValue == 1)
        #expect(try metrics.expectCounter("planner_factory_probes_total", [("outcome", "failed")]).totalValue == 1)
        #expect(try metrics.expectCounter("planner_factory_quarantines_total").totalValue == 1)
        _ = try factory.release("crasher")
        #expect(try metrics.expectCounter("planner_factory_quarantines_total").totalValue == 2, "quarantined again after its release")
    }

    @Test func aWorkerStartedAgainAfterItDiedIsCounted() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/counter", name: "counter")
        let metrics = TestMetrics()
        var configuration = FactoryConfiguration()
        configuration.stateDirectory = root.path + "/state"
        configuration.pluginPath = [root.path + "/plugins"]
        configuration.probePath = CFixture.probe
        configuration.hostPath = CFixture.host
        configuration.workerIdle = .seconds(3600)
        let factory = PlannerFactory(configuration: configuration, metrics: metrics)
        factory.discover()
        factory.probePending()
        let instance = try factory.planner(named: "counter")
        _ = try instance.plan(Objective(text: "go"))
        #expect(try metrics.expectCounter("planner_factory_worker_restarts_total").totalValue == 0)
        let pid = try #require(instance.workers.first?.pid)
        kill(pid, SIGKILL)
        for _ in 0..<100 where WorkerFixtures.isAlive(pid) { usleep(10_000) }
        _ = try instance.plan(Objective(text: "go"))
        #expect(try metrics.expectCounter("planner_factory_worker_restarts_total").totalValue == 1)
    }
}

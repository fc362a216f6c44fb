import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// `agent-service --metrics-file`: the swift-prometheus registry its factory reports to through
/// swift-metrics, written out on an interval and at exit, read by a real parser
/// (prometheus_client's, from the virtual environment of scripts/install-planners).
struct AgentServiceMetricsTests {
    @Test(.enabled(if: LivePrometheusTests.hasParser, "needs prometheus-client from scripts/install-planners (or FACTORY_REQUIRE_PLANNERS=1 to fail instead)"))
    func theMetricsFileParsesWithPrometheusClientWhileItRunsAndAtExit() throws {
        let folder = try PluginFolder()
        let metrics = folder.path + "/metrics"
        try FileManager.default.createDirectory(atPath: metrics, withIntermediateDirectories: true)
        let file = metrics + "/agent-service.prom"
        let service = try LiveProcess.agentService(["--rate", "500", "--metrics-file", file, "--metrics-interval", "0.2"], state: folder.path + "/state")

        // Written on the interval while it runs: wait until a write shows a plan and a failed selection.
        var running = JSONValue.null
        let deadline = Date().addingTimeInterval(60)
        repeat {
            running = try PrometheusClientParser.parse(file)
            if Self.value(running, "planner_factory_selections", ["outcome": "failure"]) > 0
                && Self.value(running, "planner_factory_plan_duration_seconds", ["planner": "grid-astar", "outcome": "success"], sample: "_count") > 0 {
                break
            }
            usleep(100_000)
        } while Date() < deadline
        #expect(running["planner_factory_selections"]?["type"] == "counter")
        #expect(Self.value(running, "planner_factory_selections", ["outcome": "success"]) > 0)
        #expect(Self.value(running, "planner_factory_selections", ["outcome": "failure"]) > 0)
        #expect(running["planner_factory_selection_winners"]?["type"] == "counter")
        #expect(Self.value(running, "planner_factory_selection_winners", ["planner": "grid-astar"]) > 0)
        #expect(running["planner_factory_selection_duration_seconds"]?["type"] == "histogram")
        let timed = Self.value(running, "planner_factory_selection_duration_seconds", [:], sample: "_count")
        #expect(timed > 0)
        #expect(Self.value(running, "planner_factory_selection_duration_seconds", ["le": "+Inf"], sample: "_bucket") == timed)
        #expect(Self.value(running, "planner_factory_selection_duration_seconds", [:], sample: "_sum") > 0)
        #expect(running["planner_factory_plan_duration_seconds"]?["type"] == "histogram")
        #expect(Self.value(running, "planner_factory_plan_duration_seconds", ["planner": "grid-astar", "outcome": "success"], sample: "_count") > 0)
        // A fresh state folder: the example plugins were probed here, and the fault gallery quarantined.
        #expect(Self.value(running, "planner_factory_probes", ["outcome": "passed"]) > 0)
        #expect(Self.value(running, "planner_factory_probes", ["outcome": "failed"]) > 0)
        #expect(Self.value(running, "planner_factory_quarantines", [:]) > 0)

        // Written a last time at exit: its counts are the service's own final counts.
        kill(service.pid, SIGTERM)
        // A safety net, not a measurement: a service that does not stop is killed and the test fails.
        guard let ended = Deadline.run(within: 60, { service.finish() }) else {
            kill(service.pid, SIGKILL)
            Issue.record("agent-service did not stop on SIGTERM")
            return
        }
        #expect(ended.reason == .exit && ended.status == 0, "\(ended.standardError)")
        let counts = try #require(AgentServiceBinary.finalCounts(ended.standardError), "\(ended.standardError)")
        let final = try PrometheusClientParser.parse(file)
        #expect(Self.value(final, "planner_factory_selections", ["outcome": "success"]) == Double(counts.selections - counts.failures))
        #expect(Self.value(final, "planner_factory_selections", ["outcome": "failure"]) == Double(counts.failures))
        #expect(Self.value(final, "planner_factory_selection_duration_seconds", [:], sample: "_count") == Double(counts.selections))
        #expect(try FileManager.default.contentsOfDirectory(atPath: metrics) == ["agent-service.prom"], "no temporary file is left")
    }

    /// The value of family `name`'s sample `name + sample` whose labels include `labels` (0 if none).
    static func value(_ families: JSONValue, _ name: String, _ labels: [String: String], sample: String = "_total") -> Double {
        let samples = families[name]?["samples"]?.arrayValue ?? []
        let found = samples.first { entry in
            entry["name"]?.stringValue == name + sample && labels.allSatisfy { entry["labels"]?[$0.key]?.stringValue == $0.value }
        }
        return found?["value"]?.numberValue ?? 0
    }
}

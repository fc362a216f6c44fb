import PlannerKit
import Testing
@testable import PlannerFactory

/// The Prometheus text exposition of a publisher's hello and snapshot.
struct PrometheusTextTests {
    @Test func countersSummariesAndPlannersFromTheSnapshotWithLabelsEscaped() throws {
        let hello: JSONValue = ["pid": 42, "command": ["app", "say \"hi\"\nnext\u{1b}[2J"], "startTime": 1_700_000_000]
        let snapshot: JSONValue = [
            "planners": [["status": "active"], ["status": "active"], ["status": "quarantined"]],
            "telemetry": [
                "selection": ["count": 10, "failures": 2, "p50Microseconds": 25, "p95Microseconds": 40, "p99Microseconds": 90,
                              "maxMicroseconds": 120, "meanMicroseconds": 30],
            ],
        ]
        let text = PrometheusText.render(hello: hello, snapshot: snapshot)
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.contains(#"planner_factory_info{command="app say \"hi\"\nnext\#u{FFFD}[2J",pid="42"} 1"#))
        #expect(lines.contains(#"planner_factory_selections_total{outcome="success"} 8"#))
        #expect(lines.contains(#"planner_factory_selections_total{outcome="failure"} 2"#))
        #expect(lines.contains(#"planner_factory_selection_duration_seconds{quantile="0.99"} 9e-05"#))
        #expect(lines.contains("planner_factory_selection_duration_seconds_sum 0.0003"))
        #expect(lines.contains("planner_factory_selection_duration_seconds_count 10"))
        #expect(lines.contains("planner_factory_plan_call_duration_seconds_count 0"), "absent figures are zero")
        #expect(lines.contains(#"planner_factory_planners{status="active"} 2"#))
        #expect(lines.contains(#"planner_factory_planners{status="invalid"} 0"#))
        #expect(lines.contains("# TYPE planner_factory_selection_duration_seconds summary"))
        #expect(lines.contains("planner_factory_process_start_time_seconds 1700000000"))
        #expect(!text.contains("\u{1b}"), "no control character reaches the output")
        #expect(text.hasSuffix("\n"))
    }
}

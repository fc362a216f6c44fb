import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// `factory telemetry --prometheus` read by a real parser: prometheus_client's text parser, from
/// the virtual environment of scripts/install-planners.
struct LivePrometheusTests {
    static var hasParser: Bool {
        guard !InstalledPlanners.isRequired else { return true }
        guard FileManager.default.isExecutableFile(atPath: InstalledPlanners.python) else { return false }
        let result = try? Deadline.runProcess([InstalledPlanners.python, "-c", "import prometheus_client"], environment: [:])
        return result?.status == 0
    }

    @Test(.enabled(if: hasParser, "needs prometheus-client from scripts/install-planners (or FACTORY_REQUIRE_PLANNERS=1 to fail instead)"))
    func thePrometheusOutputParsesWithPrometheusClient() throws {
        let state = try PluginFolder()
        let publisher = try LiveProcess.publisher(state: state.path)
        _ = try LivePublishersList.waitFor(publisher.pid, state: state.path)
        let metrics = try FactoryBinary.run(["telemetry", "--prometheus"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(metrics.status == 0, "\(metrics.standardError)")
        let file = state.path + "/metrics.prom"
        try metrics.standardOutput.write(toFile: file, atomically: false, encoding: .utf8)
        let families = try PrometheusClientParser.parse(file)
        #expect(families["planner_factory_selections"]?["type"] == "counter")
        let selections = families["planner_factory_selections"]?["samples"]?.arrayValue ?? []
        #expect(selections.contains { $0["labels"]?["outcome"] == "success" && $0["value"]?.numberValue ?? 0 > 0 })
        #expect(families["planner_factory_selection_duration_seconds"]?["type"] == "summary")
        let quantiles = families["planner_factory_selection_duration_seconds"]?["samples"]?.arrayValue?
            .compactMap { $0["labels"]?["quantile"]?.stringValue } ?? []
        #expect(quantiles == ["0.5", "0.95", "0.99"])
        #expect(families["planner_factory_info"]?["samples"]?.arrayValue?.first?["labels"]?["pid"] == .string("\(publisher.pid)"))
        #expect(families["planner_factory_planners"]?["type"] == "gauge")
    }
}

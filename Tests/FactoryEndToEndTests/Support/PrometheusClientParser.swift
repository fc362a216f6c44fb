import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// Prometheus text read by a real parser: prometheus_client's, from PyPI, in the planners'
/// virtual environment (scripts/install-planners installs it).
enum PrometheusClientParser {
    /// The metric families of a Prometheus text file, as prometheus_client's parser reads them:
    /// `{name: {type, samples: [{name, labels, value}]}}`; `null` while the file does not exist.
    static func parse(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        guard FileManager.default.fileExists(atPath: file) else { return .null }
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            families = {}
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                families[family.name] = {"type": family.type, "samples": [
                    {"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples]}
            print(json.dumps(families))
            """
        let parsed = try #require(try Deadline.runProcess([InstalledPlanners.python, "-c", script, file], environment: [:]), sourceLocation: sourceLocation)
        #expect(parsed.status == 0, "\(parsed.standardError)", sourceLocation: sourceLocation)
        return try JSONValue(parsing: parsed.standardOutput)
    }
}

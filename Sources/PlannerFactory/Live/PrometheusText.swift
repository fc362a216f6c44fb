import PlannerKit

/// A publisher's current figures in the Prometheus text exposition format (version 0.0.4), from
/// its hello line and snapshot: for node_exporter's textfile collector (`factory telemetry --prometheus`).
///
/// Families: `planner_factory_info` (pid and command), `…_selections_total`,
/// `…_instantiations_total` and `…_plan_calls_total` by `outcome` (`success`, `failure`),
/// `…_selection_duration_seconds`, `…_instantiation_duration_seconds` and
/// `…_plan_call_duration_seconds` (summaries: quantiles 0.5, 0.95, 0.99, sum and count),
/// `…_duration_max_seconds` gauges of each, `…_planners` by `status`, and
/// `…_process_start_time_seconds`.
public enum PrometheusText {
    /// The exposition text (ends with a newline).
    public static func render(hello: JSONValue, snapshot: JSONValue) -> String {
        var text = ""
        let command = hello["command"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " ") ?? ""
        family(&text, "planner_factory_info", "gauge", "The publishing process; the value is always 1.")
        sample(&text, "planner_factory_info", ["pid": number(hello["pid"]), "command": command], 1)
        if let start = hello["startTime"]?.numberValue {
            family(&text, "planner_factory_process_start_time_seconds", "gauge", "When the publishing process started, in seconds since the Unix epoch.")
            sample(&text, "planner_factory_process_start_time_seconds", [:], start)
        }
        let telemetry = snapshot["telemetry"]
        for (key, name, what) in [("selection", "selection", "Selections"), ("instantiation", "instantiation", "Instantiations"),
                                  ("planCall", "plan_call", "Plan calls")] {
            summary(&text, name: name, what: what, telemetry?[key])
        }
        family(&text, "planner_factory_planners", "gauge", "Planners in the registry, by status.")
        let statuses = snapshot["planners"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
        for status in PlannerStatus.all.map(\.description) {
            sample(&text, "planner_factory_planners", ["status": status], Double(statuses.count { $0 == status }))
        }
        return text
    }

    /// Outcome counters, a latency summary and a maximum for one kind of record.
    private static func summary(_ text: inout String, name: String, what: String, _ latency: JSONValue?) {
        let count = latency?["count"]?.numberValue ?? 0
        let failures = latency?["failures"]?.numberValue ?? 0
        let counter = "planner_factory_\(name)s_total"
        family(&text, counter, "counter", "\(what) since the factory started or its telemetry was reset, by outcome.")
        sample(&text, counter, ["outcome": "success"], count - failures)
        sample(&text, counter, ["outcome": "failure"], failures)
        let duration = "planner_factory_\(name)_duration_seconds"
        family(&text, duration, "summary", "\(what): latency in seconds (quantiles over every one recorded).")
        for (quantile, key) in [("0.5", "p50Microseconds"), ("0.95", "p95Microseconds"), ("0.99", "p99Microseconds")] {
            sample(&text, duration, ["quantile": quantile], (latency?[key]?.numberValue ?? 0) / 1e6)
        }
        sample(&text, duration + "_sum", [:], (latency?["meanMicroseconds"]?.numberValue ?? 0) * count / 1e6)
        sample(&text, duration + "_count", [:], count)
        let maximum = "planner_factory_\(name)_duration_max_seconds"
        family(&text, maximum, "gauge", "\(what): the longest latency recorded, in seconds.")
        sample(&text, maximum, [:], (latency?["maxMicroseconds"]?.numberValue ?? 0) / 1e6)
    }

    private static func family(_ text: inout String, _ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private static func sample(_ text: inout String, _ name: String, _ labels: [String: String], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(escaped($0.value))\"" }.joined(separator: ",") + "}"
        }
        text += " " + (value.isFinite ? JSONValue.format(value) : "NaN") + "\n"
    }

    private static func number(_ value: JSONValue?) -> String {
        value?.numberValue.map(JSONValue.format) ?? ""
    }

    /// A label value with `\`, `"` and line feeds escaped, as the format requires, and other
    /// control characters replaced.
    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            // Other controls would reach a terminal as they are: shown as U+FFFD instead.
            case let control where control.value < 0x20 || (0x7F...0x9F).contains(control.value): result += "\u{FFFD}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

import PlannerKit

/// A probe result kept in the state folder, keyed by the plugin's fingerprint: an unchanged plugin
/// is not probed again, and a failed one stays quarantined until its files change or it is
/// released by hand.
public struct ProbeRecord: Sendable, Hashable {
    /// The planner the bundle declared.
    public var planner: String
    /// Whether the probe passed.
    public var isPassed: Bool
    /// The descriptor JSON the plugin reported, when it passed.
    public var descriptor: String?
    /// Why it failed (the quarantine reason), when it did.
    public var reason: String?
    /// When it was probed, seconds since the Unix epoch.
    public var timestamp: Double

    public init(planner: String, outcome: ProbeOutcome, timestamp: Double) {
        self.planner = planner
        self.isPassed = outcome.isPassed
        if case .passed(let descriptor) = outcome { self.descriptor = descriptor }
        self.reason = outcome.isPassed ? nil : outcome.reason
        self.timestamp = timestamp
    }

    var json: JSONValue {
        ["planner": .string(planner), "passed": .bool(isPassed), "descriptor": descriptor.map(JSONValue.string) ?? .null,
         "reason": reason.map(JSONValue.string) ?? .null, "time": .number(timestamp)]
    }

    init?(json: JSONValue) {
        guard let planner = json["planner"]?.stringValue, let isPassed = json["passed"]?.boolValue,
              let timestamp = json["time"]?.numberValue else { return nil }
        self.planner = planner
        self.isPassed = isPassed
        self.descriptor = json["descriptor"]?.stringValue
        self.reason = json["reason"]?.stringValue
        self.timestamp = timestamp
    }
}

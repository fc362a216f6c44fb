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
    /// When it was probed (or quarantined), seconds since the Unix epoch.
    public var timestamp: Double
    /// The bundle folder, to drop records of bundles that changed or went away.
    public var bundle: String?
    /// The digest of the content-addressed copy that was probed (and is loaded), if one was made.
    public var copy: String?
    /// How long the probe took, in seconds.
    public var probeSeconds: Double?
    /// Whether the fingerprint it is kept under is a deep one (records of the other mode are
    /// never taken as stale).
    public var isDeepFingerprint = false
    /// Faults of its code in a row since its last answered call (crashes, exits, protocol
    /// errors, timeouts at the configured deadline, failed creations), across processes.
    public var faults = 0
    /// The last of those faults, e.g. "crashed in plan with SIGSEGV".
    public var lastFault: String?
    /// The probe deadline in seconds, when the probe timed out: under a longer deadline the
    /// plugin is probed again (a deadline too short for anything is not the plugin's fault).
    public var timedOutAfter: Double?

    public init(planner: String, outcome: ProbeOutcome, timestamp: Double, bundle: String? = nil, copy: String? = nil, probeSeconds: Double? = nil) {
        self.planner = planner
        self.isPassed = outcome.isPassed
        if case .passed(let descriptor) = outcome { self.descriptor = descriptor }
        self.reason = outcome.isPassed ? nil : outcome.reason
        if case .timedOut(let after) = outcome { self.timedOutAfter = after.seconds }
        self.timestamp = timestamp
        self.bundle = bundle
        self.copy = copy
        self.probeSeconds = probeSeconds
    }

    /// A quarantine that no probe decided: repeated failed creations, a crash of the host while loading.
    init(planner: String, quarantinedBecause reason: String, timestamp: Double, bundle: String?, copy: String?) {
        self.planner = planner
        self.isPassed = false
        self.reason = reason
        self.timestamp = timestamp
        self.bundle = bundle
        self.copy = copy
    }

    var json: JSONValue {
        ["planner": .string(planner), "passed": .bool(isPassed), "descriptor": descriptor.map(JSONValue.string) ?? .null,
         "reason": reason.map(JSONValue.string) ?? .null, "time": .number(timestamp),
         "bundle": bundle.map(JSONValue.string) ?? .null, "copy": copy.map(JSONValue.string) ?? .null,
         "probeSeconds": probeSeconds.map(JSONValue.number) ?? .null, "deep": .bool(isDeepFingerprint),
         "faults": .number(Double(faults)), "lastFault": lastFault.map(JSONValue.string) ?? .null,
         "timedOutAfter": timedOutAfter.map(JSONValue.number) ?? .null]
    }

    /// Whether the record no longer decides the plugin's status under a probe deadline of
    /// `timeout`: it timed out under a shorter one.
    func isSuperseded(byTimeout timeout: Duration) -> Bool {
        guard !isPassed, let timedOutAfter else { return false }
        return timedOutAfter < timeout.seconds * (1 - 1e-9)
    }

    init?(json: JSONValue) {
        guard let planner = json["planner"]?.stringValue, let isPassed = json["passed"]?.boolValue,
              let timestamp = json["time"]?.numberValue else { return nil }
        self.planner = planner
        self.isPassed = isPassed
        self.descriptor = json["descriptor"]?.stringValue
        self.reason = json["reason"]?.stringValue
        self.timestamp = timestamp
        self.bundle = json["bundle"]?.stringValue
        self.copy = json["copy"]?.stringValue
        self.probeSeconds = json["probeSeconds"]?.numberValue
        self.isDeepFingerprint = json["deep"]?.boolValue ?? false
        self.faults = max(0, json["faults"]?.intValue ?? 0)
        self.lastFault = json["lastFault"]?.stringValue
        self.timedOutAfter = json["timedOutAfter"]?.numberValue ?? Self.legacyTimeout(in: reason)
    }

    /// The deadline named by a timeout reason of a record written before `timedOutAfter` was kept
    /// ("the probe did not finish within 0.005 s …").
    private static func legacyTimeout(in reason: String?) -> Double? {
        let prefix = "the probe did not finish within "
        guard let reason, reason.hasPrefix(prefix) else { return nil }
        return Double(reason.dropFirst(prefix.count).prefix { $0 != " " })
    }
}

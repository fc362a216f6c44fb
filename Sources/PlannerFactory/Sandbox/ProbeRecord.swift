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
    /// The deadline in seconds, when the probe (or, `timeoutSetting` says, the calls that
    /// quarantined it) timed out: under a longer deadline the plugin is probed again (a deadline
    /// too short for anything is not the plugin's fault).
    public var timedOutAfter: Double?
    /// The setting `timedOutAfter` came from, when it is not `FACTORY_SANDBOX_TIMEOUT`:
    /// `FACTORY_CALL_TIMEOUT` or `FACTORY_PLAN_TIMEOUT` (calls that timed out in a row).
    public var timeoutSetting: String?
    /// For a quarantine for a file of the bundle (a FIFO, a link out of it …): that file (and,
    /// for a link, the file of the bundle it leads to), by path, with its identity then. When
    /// one changes or goes, the quarantine no longer holds and the plugin is probed again.
    public var fileIdentities: [String: String]?

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
         "timedOutAfter": timedOutAfter.map(JSONValue.number) ?? .null, "timeoutSetting": timeoutSetting.map(JSONValue.string) ?? .null,
         "files": fileIdentities.map { .object($0.mapValues(JSONValue.string)) } ?? .null]
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
        self.timeoutSetting = json["timeoutSetting"]?.stringValue
        self.fileIdentities = json["files"]?.objectValue?.compactMapValues(\.stringValue)
    }

    /// The deadline named by a timeout reason of a record written before `timedOutAfter` was kept
    /// ("the probe did not finish within 0.005 s …").
    private static func legacyTimeout(in reason: String?) -> Double? {
        let prefix = "the probe did not finish within "
        guard let reason, reason.hasPrefix(prefix) else { return nil }
        return Double(reason.dropFirst(prefix.count).prefix { $0 != " " })
    }
}

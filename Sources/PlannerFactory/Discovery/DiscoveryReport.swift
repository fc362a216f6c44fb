import PlannerKit

/// What a discovery or rediscovery did.
public struct DiscoveryReport: Sendable, Hashable {
    /// Bundles not seen before (all of them on a first discovery).
    public var added: [String]
    /// Bundles that were there before and are gone.
    public var removed: [String]
    /// Bundles whose fingerprint changed; their manifests were read again.
    public var changed: [String]
    /// How many bundles were unchanged and not read again.
    public var unchangedCount: Int
    /// Problems that concern no single bundle (a missing search-path folder …).
    public var warnings: [String]
    /// How long it took.
    public var duration: Duration
    /// Whether change notification showed nothing changed, so no bundle folder was examined
    /// (only bundles a folder watch cannot cover were checked by `stat`).
    public var isFromChangeNotification = false

    /// `added N, removed N, changed N, unchanged N`.
    public var summary: String {
        "added \(added.count), removed \(removed.count), changed \(changed.count), unchanged \(unchangedCount)"
    }

    /// The report as JSON: counts, the bundle paths, warnings and the duration in milliseconds.
    public var json: JSONValue {
        [
            "added": .array(added.map(JSONValue.string)),
            "removed": .array(removed.map(JSONValue.string)),
            "changed": .array(changed.map(JSONValue.string)),
            "unchanged": .number(Double(unchangedCount)),
            "warnings": .array(warnings.map(JSONValue.string)),
            "durationMilliseconds": .number(duration.seconds * 1000),
            "fromChangeNotification": .bool(isFromChangeNotification),
        ]
    }
}

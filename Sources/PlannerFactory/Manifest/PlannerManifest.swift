import PlannerKit

/// A bundle's `planner.json`, schema 1, after validation.
///
/// ```json
/// {"name": "grid-c", "version": "1.0.0", "summary": "Greedy grid planner in C",
///  "capabilities": ["grid", "route"], "keywords": ["route"], "rank": 3,
///  "boosts": {"route": 2}, "entry": {"kind": "dylib", "library": "lib/libgrid.so"}}
/// ```
public struct PlannerManifest: Sendable, Hashable {
    /// The planner's name, version, summary, capabilities, keywords, rank hint, boosts and
    /// thread safety, normalized (capabilities, keywords and boost keys trimmed and lower-cased).
    public var descriptor: PlannerDescriptor
    /// How the code is provided.
    public var entry: Entry
    /// Fields this schema does not define, kept as they were.
    public var unknownFields: [String: JSONValue]
    /// Problems that do not make the manifest invalid.
    public var warnings: [String]

    /// The `entry` field.
    public struct Entry: Sendable, Hashable {
        /// The kind of entry point, `dylib`.
        public var kind: PlannerKind
        /// The library, relative to the bundle folder.
        public var library: String
    }

    /// The fields schema 1 defines.
    static let knownFields: [String] = [
        "schema", "name", "version", "summary", "capabilities", "keywords", "rank", "boosts", "entry", "threadSafe",
    ]

    /// Whether schema 1 defines `field` (a few string comparisons; no hashing).
    static func isKnownField(_ field: String) -> Bool {
        knownFields.contains(field)
    }

    /// The largest manifest that is read: 1 MiB.
    public static let maximumSize = 1 << 20
}

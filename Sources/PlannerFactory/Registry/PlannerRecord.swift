import PlannerKit

/// Everything the registry knows about one planner: a builtin, or a bundle found on the search path
/// (valid or not).
public struct PlannerRecord: Sendable, Hashable {
    /// The planner's name; for a bundle whose name is unusable, its folder name.
    public var name: String
    /// The version, empty when unknown.
    public var version: String
    /// How its code is provided.
    public var kind: PlannerKind
    /// Where it stands.
    public var status: PlannerStatus
    /// Why it is not active (invalid, shadowed …); `nil` when active.
    public var reason: String?
    /// One line about it.
    public var summary: String
    /// Normalized capabilities: trimmed, lower-cased, deduplicated, in manifest order.
    public var capabilities: [String]
    /// Normalized keywords.
    public var keywords: [String]
    /// The rank hint.
    public var rank: Int
    /// Boosts by normalized key.
    public var boosts: [String: Double]
    /// The bundle folder; `nil` for builtins.
    public var path: String?
    /// The file discovery checked in the bundle, relative to it: a dylib's library, or a process
    /// plugin's program when `command[0]` is a path inside the bundle; `nil` otherwise.
    public var library: String?
    /// A process plugin's command line: the program, then its arguments, as the manifest gives
    /// them (`command[0]` relative to the bundle when it contains a `/`, absolute, or a bare name
    /// looked up on `PATH`). Empty for other kinds.
    public var command: [String] = []
    /// Variables a process plugin's manifest adds to its environment. Empty for other kinds.
    public var environment: [String: String] = [:]
    /// Whether the manifest says `"isolation": "process"`: this plugin must run in a process of
    /// its own, never inside the factory's.
    public var requiresProcessIsolation = false
    /// The bundle's fingerprint; `nil` for builtins.
    public var fingerprint: Fingerprint?
    /// Problems that did not make the bundle invalid (unknown fields …).
    public var warnings: [String]
    /// Manifest fields the factory does not know, kept as they were.
    public var unknownFields: [String: JSONValue]
    /// Whether one instance may be called from several threads.
    public var isThreadSafe: Bool
    /// When it was quarantined (seconds since the Unix epoch), if it is.
    public var quarantinedSince: Double? = nil
    /// How long its last sandbox probe took, in seconds, if it was probed.
    public var probeSeconds: Double? = nil

    /// Whether the planner may be selected.
    public var isActive: Bool { status == .active }
}

extension PlannerRecord {
    /// A record for a builtin planner.
    init(builtin descriptor: PlannerDescriptor) {
        var normalized = descriptor
        normalized.capabilities = CapabilityNormalizer.normalize(descriptor.capabilities)
        normalized.keywords = CapabilityNormalizer.normalize(descriptor.keywords)
        normalized.boosts = CapabilityNormalizer.normalize(descriptor.boosts)
        self.init(descriptor: normalized, kind: .builtin, path: nil, library: nil, fingerprint: nil)
    }

    /// An active record from a descriptor whose capabilities, keywords and boost keys are normalized.
    private init(descriptor: PlannerDescriptor, kind: PlannerKind, path: String?, library: String?, fingerprint: Fingerprint?) {
        self.init(
            name: descriptor.name, version: descriptor.version, kind: kind, status: .active, reason: nil,
            summary: descriptor.summary,
            capabilities: descriptor.capabilities, keywords: descriptor.keywords, rank: descriptor.rank,
            boosts: descriptor.boosts,
            path: path, library: library, fingerprint: fingerprint, warnings: [], unknownFields: [:],
            isThreadSafe: descriptor.isThreadSafe)
    }

    /// An invalid bundle, listed under its folder name.
    init(invalidBundle folderName: String, path: String, reason: String, fingerprint: Fingerprint?) {
        self.init(
            name: folderName, version: "", kind: .unknown, status: .invalid, reason: reason, summary: "",
            capabilities: [], keywords: [], rank: 0, boosts: [:], path: path, library: nil,
            fingerprint: fingerprint, warnings: [], unknownFields: [:], isThreadSafe: false)
    }

    /// The record as JSON, with the fields of `factory list` and `factory show`.
    public var json: JSONValue {
        [
            "name": .string(name),
            "version": .string(version),
            "kind": .string(kind.description),
            "status": .string(status.description),
            "reason": reason.map(JSONValue.string) ?? .null,
            "summary": .string(summary),
            "capabilities": .array(capabilities.map(JSONValue.string)),
            "keywords": .array(keywords.map(JSONValue.string)),
            "rank": .number(Double(rank)),
            "boosts": .object(boosts.mapValues(JSONValue.number)),
            "path": path.map(JSONValue.string) ?? .null,
            "library": library.map(JSONValue.string) ?? .null,
            "command": .array(command.map(JSONValue.string)),
            "environment": .object(environment.mapValues(JSONValue.string)),
            "isolation": requiresProcessIsolation ? "process" : .null,
            "fingerprint": fingerprint.map { .string($0.description) } ?? .null,
            "warnings": .array(warnings.map(JSONValue.string)),
            "unknownFields": .object(unknownFields),
            "threadSafe": .bool(isThreadSafe),
            "since": quarantinedSince.map { .string(WallClock.iso8601($0)) } ?? .null,
            "probeSeconds": probeSeconds.map(JSONValue.number) ?? .null,
        ]
    }
}

extension PlannerRecord {
    /// An active record for a valid manifest.
    /// (`consuming`: the manifest's strings and lists move into the record, with no copy.)
    init(manifest: consuming PlannerManifest, path: String, fingerprint: Fingerprint) {
        let descriptor = manifest.descriptor
        self.init(
            name: descriptor.name, version: descriptor.version, kind: manifest.entry.kind, status: .active, reason: nil,
            summary: descriptor.summary, capabilities: descriptor.capabilities, keywords: descriptor.keywords,
            rank: descriptor.rank, boosts: descriptor.boosts, path: path, library: manifest.entry.library,
            command: manifest.entry.command, environment: manifest.entry.environment,
            requiresProcessIsolation: manifest.requiresProcessIsolation, fingerprint: fingerprint,
            warnings: manifest.warnings, unknownFields: manifest.unknownFields, isThreadSafe: descriptor.isThreadSafe)
    }
}

/// Where a planner stands in the registry. Extensible: later issues add statuses.
public struct PlannerStatus: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: String, Sendable {
        case active, invalid, shadowed, pending, quarantined
    }
    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }

    /// Usable: may be selected and instantiated.
    public static let active = PlannerStatus(.active)
    /// Its bundle is broken; the record's reason says how.
    public static let invalid = PlannerStatus(.invalid)
    /// Another planner of the same name was registered first.
    public static let shadowed = PlannerStatus(.shadowed)
    /// Waiting for its sandbox probe.
    public static let pending = PlannerStatus(.pending)
    /// Failed its probe, instantiation or health check.
    public static let quarantined = PlannerStatus(.quarantined)

    /// The status's name, as in JSON output: `active`, `invalid` …
    public var description: String { kind.rawValue }

    /// Every status, in display order.
    public static let all: [PlannerStatus] = [.active, .pending, .quarantined, .invalid, .shadowed]
}

/// How a planner's code is provided. Extensible: later kinds are added as static members.
public struct PlannerKind: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    /// Compiled into the host and registered in code.
    public static let builtin = PlannerKind("builtin")
    /// A shared library in a bundle.
    public static let dylib = PlannerKind("dylib")
    /// A program in (or named by) a bundle, run as its own process from the bundle folder in
    /// place (never copied); its manifest gives the command line and environment.
    public static let process = PlannerKind("process")
    /// A bundle whose manifest did not say (invalid bundles).
    public static let unknown = PlannerKind("unknown")

    /// The kind's name, as in manifests and JSON output.
    public var description: String { name }

    /// Whether planners of this kind are plugin code from a bundle (`dylib`, `process`): code the
    /// factory did not compile, so with the sandbox on it stays `pending` until a probe of its
    /// current fingerprint passes. `false` for `builtin` and `unknown`.
    ///
    /// Use this, not `kind == .dylib`, wherever "plugin code that needs a probe" is meant.
    public var isPlugin: Bool { self == .dylib || self == .process }

    /// The kinds a manifest's `entry.kind` may name, in the order error messages list them.
    static let manifestKinds: [PlannerKind] = [.dylib, .process]
}

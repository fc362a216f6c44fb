import PlannerKit

/// A bundle's `planner.json`, schema 1, after validation.
///
/// ```json
/// {"name": "grid-c", "version": "1.0.0", "summary": "Greedy grid planner in C",
///  "capabilities": ["grid", "route"], "keywords": ["route"], "rank": 3,
///  "boosts": {"route": 2}, "entry": {"kind": "dylib", "library": "lib/libgrid.so"}}
/// ```
///
/// or, for a program run as its own process:
///
/// ```json
/// {"name": "grid-astar-py", "version": "1.0.0", "capabilities": ["grid"],
///  "entry": {"kind": "process", "command": ["./planner.py", "--fast"], "environment": {"KEY": "value"}},
///  "isolation": "process"}
/// ```
public struct PlannerManifest: Sendable, Hashable {
    /// The planner's name, version, summary, capabilities, keywords, rank hint, boosts and
    /// thread safety, normalized (capabilities, keywords and boost keys trimmed and lower-cased).
    public var descriptor: PlannerDescriptor
    /// How the code is provided.
    public var entry: Entry
    /// Whether the manifest says `"isolation": "process"`: the plugin insists on running in a
    /// process of its own, never loaded into the factory's.
    public var requiresProcessIsolation: Bool
    /// Fields this schema does not define, kept as they were: of the first 64 in the file, those
    /// whose values take at most 4 KiB of it together (the others are named in `warnings`, or
    /// only counted there beyond the first 64; their values are checked, never built).
    public var unknownFields: [String: JSONValue]
    /// Problems that do not make the manifest invalid: the unknown fields (the first 64 named,
    /// one more warning counting the rest).
    public var warnings: [String]

    /// The `entry` field.
    public struct Entry: Sendable, Hashable {
        /// The kind of entry point: `dylib` or `process`.
        public var kind: PlannerKind
        /// The file discovery checks inside the bundle, relative to the bundle folder as the
        /// manifest spells it: for `dylib` the library (always present); for `process` the
        /// program, `command[0]`, when it is a path inside the bundle (it contains a `/`, such as
        /// `./planner.py` or `bin/run`); `nil` for a process whose program is an absolute path or
        /// a bare name looked up on `PATH`.
        public var library: String?
        /// For `process`: the program and its arguments, at least one element, none empty or
        /// containing NUL. `command[0]` is a bundle-relative path (contains a `/`), an absolute
        /// path, or a bare name looked up on the factory's `PATH` when the plugin runs. Empty for
        /// `dylib`.
        public var command: [String]
        /// For `process`: variables added to the plugin's environment, by valid names
        /// (`[A-Za-z_][A-Za-z0-9_]*`) other than those in `factoryEnvironmentNames`. Empty for
        /// `dylib`.
        public var environment: [String: String]

        /// The environment variables the factory sets itself for a process plugin; a manifest
        /// may not set them. (`SWIFT_BACKTRACE` is `enable=no`: a crash is reported by its
        /// signal, not by the Swift runtime's banner.)
        public static let factoryEnvironmentNames: [String] = ["PATH", "HOME", "LANG", "TMPDIR", "FACTORY_BUNDLE", "SWIFT_BACKTRACE"]

        /// A `dylib` entry.
        init(library: String) {
            self.init(kind: .dylib, library: library, command: [], environment: [:])
        }

        init(kind: PlannerKind, library: String?, command: [String], environment: [String: String]) {
            self.kind = kind
            self.library = library
            self.command = command
            self.environment = environment
        }
    }

    /// The fields schema 1 defines.
    static let knownFields: [String] = [
        "schema", "name", "version", "summary", "capabilities", "keywords", "rank", "boosts", "entry", "threadSafe",
        "isolation",
    ]

    /// Whether schema 1 defines `field` (a few string comparisons; no hashing).
    static func isKnownField(_ field: String) -> Bool {
        knownFields.contains(field)
    }

    /// The largest manifest that is read: 1 MiB.
    public static let maximumSize = 1 << 20
}

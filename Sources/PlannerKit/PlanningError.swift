/// Why a planner could not make a plan.
///
/// The code travels with the error through the C ABI (`{"message": "…", "code": "unsolvable"}`)
/// and the process protocol (`{"id": 3, "error": {"message": "…", "code": "unsolvable"}}`), so a
/// plugin's `unsolvable` stays `unsolvable` in the host. An error answer is never a fault of the
/// planner: it does not count toward quarantine.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A kind of planning failure. Extensible: new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The objective or its parameters could not be understood (`invalid-objective`).
        public static let invalidObjective = Code("invalid-objective")
        /// No plan exists: the goal cannot be reached from the start (`unsolvable`).
        public static let unsolvable = Code("unsolvable")
        /// The same as `unsolvable` (its earlier name).
        public static let unreachable = unsolvable
        /// The objective needs something this planner lacks (`unsupported`).
        public static let unsupported = Code("unsupported")
        /// The search gave up (a node, time or memory limit of its own) (`limit-reached`).
        public static let limitReached = Code("limit-reached")
        /// The planner failed for a reason of its own (`internal`).
        public static let `internal` = Code("internal")
        /// A plugin answered with something that is not valid (a plan that is not a plan).
        public static let pluginError = Code("plugin-error")

        /// The code for a name from the wire: the known codes, and any other non-empty name as
        /// it is (a newer plugin may send codes this host does not know).
        public init(wireName: String) {
            switch wireName {
            case "unreachable": self = .unsolvable
            case "": self = .internal
            default: self.init(wireName)
            }
        }

        /// The codes every plugin may send, as documented.
        public static let documented: [Code] = [.unsolvable, .unsupported, .invalidObjective, .limitReached, .internal]

        public var description: String { name }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A full sentence naming the offending input.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

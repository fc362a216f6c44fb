/// Why a planner could not make a plan.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A kind of planning failure. Extensible: new kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The objective or its parameters could not be understood.
        public static let invalidObjective = Code("invalid-objective")
        /// The goal cannot be reached from the start.
        public static let unreachable = Code("unreachable")
        /// The search gave up (a node or time limit).
        public static let limitReached = Code("limit-reached")
        /// A plugin reported an error through the C ABI (its error JSON's message), or answered
        /// with something that is not valid.
        public static let pluginError = Code("plugin-error")

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

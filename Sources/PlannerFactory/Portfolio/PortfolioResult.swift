import PlannerKit

/// What a portfolio run gave: the winner's plan, or the proof that no plan exists, and what
/// became of every planner in it.
public struct PortfolioResult: Sendable {
    /// One planner's run in the portfolio.
    public struct Run: Sendable {
        /// The planner.
        public var planner: String
        /// `won`, `planned` (a plan that came after the winner's), `unsolvable`, `cancelled`, or
        /// the error's code (`unsupported`, `limit-reached`, `call-timeout`, `invalid-plan` …).
        public var outcome: String
        /// The error's message, for runs that failed.
        public var message: String?
        /// How long it ran.
        public var duration: Duration

        /// Its JSON form.
        public var json: JSONValue {
            var members: [String: JSONValue] = ["planner": .string(planner), "outcome": .string(outcome), "seconds": .number(duration.seconds)]
            if let message { members["message"] = .string(message) }
            return .object(members)
        }
    }

    /// The planner whose plan won, if one did.
    public var winner: String?
    /// The winning plan (validated when the objective carries a PDDL task).
    public var plan: Plan?
    /// The planner that proved no plan exists, when one did first.
    public var unsolvableProvenBy: String?
    /// Every planner's run, in ranking order.
    public var runs: [Run]

    /// Its JSON form: `{"winner": …, "plan": …, "unsolvableProvenBy": …, "runs": […]}`.
    public var json: JSONValue {
        .object([
            "winner": winner.map(JSONValue.string) ?? .null,
            "plan": plan?.json ?? .null,
            "unsolvableProvenBy": unsolvableProvenBy.map(JSONValue.string) ?? .null,
            "runs": .array(runs.map(\.json)),
        ])
    }
}

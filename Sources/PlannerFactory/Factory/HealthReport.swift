import PlannerKit

/// The result of a health check of the whole factory.
public struct HealthReport: Sendable {
    /// One planner's check.
    public struct Check: Sendable, Hashable {
        /// The planner.
        public var name: String
        /// Its status in the registry.
        public var status: PlannerStatus
        /// `true` healthy, `false` failed, `nil` not checked (not active: excluded from selection).
        public var isHealthy: Bool?
        /// What was found.
        public var detail: String
        /// Whether it was not checked because it is busy in a call ("busy in plan for 12 s"):
        /// neither healthy nor failed.
        public var isBusy = false

        public init(name: String, status: PlannerStatus, isHealthy: Bool?, detail: String, isBusy: Bool = false) {
            self.name = name
            self.status = status
            self.isHealthy = isHealthy
            self.detail = detail
            self.isBusy = isBusy
        }

        /// The check as JSON.
        public var json: JSONValue {
            ["name": .string(name), "status": .string(status.description),
             "healthy": isHealthy.map(JSONValue.bool) ?? .null, "detail": .string(detail), "busy": .bool(isBusy)]
        }
    }

    /// Every planner's check, in registry order.
    public var checks: [Check]

    /// Healthy when at least one planner is active and no active planner failed its check.
    public var isHealthy: Bool {
        checks.contains { $0.isHealthy == true } && !checks.contains { $0.isHealthy == false }
    }

    /// `healthy` or `degraded`.
    public var status: String { isHealthy ? "healthy" : "degraded" }

    /// The report as JSON: `{"status": "healthy", "checks": [...]}`.
    public var json: JSONValue {
        ["status": .string(status), "checks": .array(checks.map(\.json))]
    }
}

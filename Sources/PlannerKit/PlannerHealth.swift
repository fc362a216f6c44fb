/// A planner instance's own view of its health.
public struct PlannerHealth: Sendable, Hashable {
    /// Whether the instance can plan.
    public var isHealthy: Bool
    /// Why not, or a note; empty when healthy with nothing to say.
    public var detail: String

    public init(isHealthy: Bool, detail: String = "") {
        self.isHealthy = isHealthy
        self.detail = detail
    }

    /// Healthy, nothing to add.
    public static let healthy = PlannerHealth(isHealthy: true)

    /// Not healthy, for the reason given.
    public static func unhealthy(_ detail: String) -> PlannerHealth {
        PlannerHealth(isHealthy: false, detail: detail)
    }
}

/// What to rank for: the objective text and the required capabilities.
public struct RankingRequest: Sendable, Hashable {
    /// The objective in words; its words trigger keyword bonuses and boosts.
    public var objective: String
    /// The required capabilities R, normalized (trimmed, lower-cased, deduplicated).
    public var capabilities: [String]
    /// The least match ratio for a planner to be selectable.
    public var minimumMatch: Double

    /// Creates a request; capabilities are normalized.
    public init(objective: String = "", capabilities: [String] = [], minimumMatch: Double = 1) {
        self.objective = objective
        self.capabilities = CapabilityNormalizer.normalize(capabilities)
        self.minimumMatch = minimumMatch
    }
}

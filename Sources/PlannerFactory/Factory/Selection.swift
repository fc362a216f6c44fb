import PlannerKit

/// The outcome of `selectBestPlanner`: the winner and the ranking it won.
public struct Selection: Sendable {
    /// The best selectable planner, with its score explained.
    public var winner: RankedCandidate
    /// The whole ranking.
    public var ranking: Ranking
    /// How long ranking and choosing took.
    public var duration: Duration

    /// The winner and the duration as JSON.
    public var json: JSONValue {
        ["winner": winner.json, "candidates": .number(Double(ranking.count)),
         "durationMicroseconds": .number(duration.seconds * 1e6)]
    }
}

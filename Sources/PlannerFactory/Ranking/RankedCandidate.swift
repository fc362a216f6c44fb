import PlannerKit

/// One planner's place in a ranking, ready to show.
public struct RankedCandidate: Sendable, Hashable {
    /// 1-based position in the ranking.
    public var position: Int
    /// The planner's name.
    public var name: String
    /// Its version.
    public var version: String
    /// Its kind.
    public var kind: PlannerKind
    /// Its status.
    public var status: PlannerStatus
    /// Rank hint + applicable boosts + keyword bonuses (the order among equal match ratios).
    public var score: Double
    /// |R ∩ caps| / |R|, 1 when no capabilities are required.
    public var matchRatio: Double
    /// Required capabilities it lacks, in the order they were required.
    public var missing: [String]
    /// Whether it may be selected for this request.
    public var isSelectable: Bool
    /// Why it may not be selected; `nil` when it may.
    public var whyNotSelectable: String?
    /// The score term by term, when an explanation was asked for.
    public var terms: [ScoreTerm]?

    /// The row as JSON: `name`, `version`, `kind`, `status`, `score`, `matchRatio`, `missing`,
    /// `selectable`, `reason`, and `terms` when explained.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "position": .number(Double(position)),
            "name": .string(name),
            "version": .string(version),
            "kind": .string(kind.description),
            "status": .string(status.description),
            "score": .number(score),
            "matchRatio": .number(matchRatio),
            "missing": .array(missing.map(JSONValue.string)),
            "selectable": .bool(isSelectable),
            "reason": whyNotSelectable.map(JSONValue.string) ?? .null,
        ]
        if let terms { members["terms"] = .array(terms.map(\.json)) }
        return .object(members)
    }
}

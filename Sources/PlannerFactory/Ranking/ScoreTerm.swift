import PlannerKit

/// One term of a score's explanation.
public struct ScoreTerm: Sendable, Hashable {
    /// What the term is: `match ratio`, `rank hint`, `boost optimal`, `keyword route`.
    public var label: String
    /// Its value: the ratio for the match term, the points added for the others.
    public var value: Double
    /// Why it applies, e.g. "required capability" or "word of the objective".
    public var detail: String
    /// Whether the value adds to the score. The match ratio is not added: it orders planners
    /// before the score does. The additive terms sum to the score.
    public var isAdditive: Bool

    /// The term as JSON, with `additive`.
    public var json: JSONValue {
        ["label": .string(label), "value": .number(value), "detail": .string(detail), "additive": .bool(isAdditive)]
    }
}

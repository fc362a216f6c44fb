extension ParsedTask {
    /// Whether plan costs are action costs: the metric minimizes `total-cost`, or an action
    /// increases it. Otherwise a plan's cost is its number of steps.
    public var hasActionCosts: Bool {
        problem.metric?.isTotalCost == true || domain.actions.contains { $0.effect.increasesTotalCost }
    }
}

extension Effect {
    /// Whether the effect increases `total-cost` anywhere (under `and`, `forall` and `when` too).
    public var increasesTotalCost: Bool {
        switch self {
        case .increaseTotalCost: true
        case .and(let parts): parts.contains { $0.increasesTotalCost }
        case .forall(_, let body), .when(_, let body): body.increasesTotalCost
        case .add, .delete, .numeric: false
        }
    }
}

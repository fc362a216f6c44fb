/// Everything the factory needs to list and rank a planner without running it: the same fields
/// as a bundle's `planner.json` manifest.
public struct PlannerDescriptor: Sendable, Hashable {
    /// The planner's unique name: `[a-z0-9][a-z0-9._-]{0,63}`.
    public var name: String
    /// A semantic version such as `1.2.0`.
    public var version: String
    /// One line about what the planner does.
    public var summary: String
    /// What the planner can do, e.g. `grid`, `optimal`. Compared case-insensitively.
    public var capabilities: [String]
    /// Words that, when they occur in an objective, make this planner more fitting.
    public var keywords: [String]
    /// A rank hint: higher ranks first among planners with the same match ratio.
    public var rank: Int
    /// Extra score when a capability is required or a keyword occurs in the objective.
    public var boosts: [String: Double]
    /// Whether one instance may be called from several threads at once.
    public var isThreadSafe: Bool

    public init(
        name: String,
        version: String,
        summary: String = "",
        capabilities: [String] = [],
        keywords: [String] = [],
        rank: Int = 0,
        boosts: [String: Double] = [:],
        isThreadSafe: Bool = false
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.capabilities = capabilities
        self.keywords = keywords
        self.rank = rank
        self.boosts = boosts
        self.isThreadSafe = isThreadSafe
    }
}

extension PlannerDescriptor {
    /// The JSON form, with the field names of `planner.json`.
    public var json: JSONValue {
        .object([
            "name": .string(name),
            "version": .string(version),
            "summary": .string(summary),
            "capabilities": .array(capabilities.map(JSONValue.string)),
            "keywords": .array(keywords.map(JSONValue.string)),
            "rank": .number(Double(rank)),
            "boosts": .object(boosts.mapValues(JSONValue.number)),
            "threadSafe": .bool(isThreadSafe),
        ])
    }
}

/// The words generated manifests and ranking requests are made of.
enum Vocabulary {
    private static let domains = [
        "grid", "graph", "mesh", "road", "rail", "air", "sea", "depot", "arm", "drone",
        "legs", "swarm", "sched", "task", "power", "net", "land", "indoor", "outdoor", "lattice",
    ]
    private static let aspects = [
        "route", "cover", "3d", "2d", "dyn", "static", "kino", "multi", "any", "opt",
    ]

    /// 200 capabilities such as `grid-route` or `drone-3d`.
    static let capabilities: [String] = domains.flatMap { domain in aspects.map { "\(domain)-\($0)" } }

    /// Keywords a planner may list; objectives use the same words.
    static let keywords = [
        "route", "path", "fast", "safe", "smooth", "cheap", "robust", "explore", "deliver", "inspect",
        "patrol", "avoid", "obstacles", "narrow", "crowded", "long", "short", "replan", "battery", "wind",
        "night", "heavy", "fragile", "urgent", "shared", "precise", "rough", "flat", "stairs", "doors",
    ]

    /// Words that are neither capabilities nor keywords, to pad objectives.
    static let fillers = ["from", "to", "the", "a", "with", "and", "via", "near", "dock", "station", "bay", "zone"]
}

/// The registry prepared for ranking: every term (capability, keyword, boost key) interned to an
/// integer, an inverted index from capability to planners, and each planner's name position in
/// byte order, so the hot loop compares integers, never strings. Rebuilt when the registry changes.
struct RankingIndex: Sendable {
    /// One planner, in registry order.
    struct Entry: Sendable {
        var keywords: [Int32]
        var boosts: [(term: Int32, value: Double)]
        var rank: Double
        var isActive: Bool
        /// The position of the name in byte order among all records (the last tie-break).
        var nameOrder: Int32
    }

    private(set) var termIDs: [String: Int32] = [:]
    private(set) var entries: [Entry] = []
    /// The entry at each position of the name order (the inverse of `Entry.nameOrder`).
    private(set) var entryByNameOrder: [Int32] = []
    /// For each term, the planners (entry indices) that have it as a capability.
    private(set) var postings: [[Int32]] = []

    var termCount: Int { postings.count }

    init(records: [PlannerRecord]) {
        entries.reserveCapacity(records.count)
        let nameOrder = records.indices.sorted { lhs, rhs in
            let (a, b) = (records[lhs].name, records[rhs].name)
            return a == b ? lhs < rhs : a.precedesInByteOrder(b)
        }
        var orderOf = [Int32](repeating: 0, count: records.count)
        for (position, index) in nameOrder.enumerated() { orderOf[index] = Int32(position) }
        entryByNameOrder = nameOrder.map { Int32($0) }
        for (index, record) in records.enumerated() {
            for capability in record.capabilities {
                postings[Int(intern(capability))].append(Int32(index))
            }
            let boosts = record.boosts.keys.sorted().map { (term: intern($0), value: record.boosts[$0] ?? 0) }
            entries.append(Entry(
                keywords: record.keywords.map { intern($0) },
                boosts: boosts,
                rank: Double(record.rank),
                isActive: record.isActive,
                nameOrder: orderOf[index]))
        }
    }

    /// The id of a normalized term, or `nil` when no planner mentions it.
    func id(of term: String) -> Int32? {
        termIDs[term]
    }

    private mutating func intern(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(postings.count)
        termIDs[term] = id
        postings.append([])
        return id
    }
}

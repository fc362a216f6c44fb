/// The registry prepared for ranking: every term (capability, keyword, boost key) interned to an
/// integer, inverted indexes from each term to the planners that have it as a capability, a
/// keyword or a boost, and each planner's name position in byte order, so the hot loop compares
/// integers, never strings, and touches only the planners a request's terms mention besides one
/// flat pass. Rebuilt when the registry changes.
struct RankingIndex: Sendable {
    /// One planner, in registry order (plain values: a pass over them retains nothing).
    struct Entry: Sendable {
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
    /// For each term, the planners that have it as a keyword (once per occurrence).
    private(set) var keywordPostings: [[Int32]] = []
    /// For each term, the planners that boost it, with the boost.
    private(set) var boostPostings: [[(entry: Int32, value: Double)]] = []
    /// The boosts of each planner that has any, in the order of their keys.
    private var boostsByEntry: [Int32: [(term: Int32, value: Double)]] = [:]

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
            let entry = Int32(index)
            for capability in record.capabilities {
                postings[Int(intern(capability))].append(entry)
            }
            for key in record.boosts.keys.sorted() {
                let term = intern(key), value = record.boosts[key] ?? 0
                boostPostings[Int(term)].append((entry, value))
                boostsByEntry[entry, default: []].append((term, value))
            }
            for keyword in record.keywords {
                keywordPostings[Int(intern(keyword))].append(entry)
            }
            entries.append(Entry(rank: Double(record.rank), isActive: record.isActive, nameOrder: orderOf[index]))
        }
    }

    /// The boosts of the planner at `entry`, in the order of their keys.
    func boosts(of entry: Int32) -> [(term: Int32, value: Double)] {
        boostsByEntry[entry] ?? []
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
        keywordPostings.append([])
        boostPostings.append([])
        return id
    }
}

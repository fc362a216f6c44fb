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

    private let terms: TermTable
    let entries: [Entry]
    /// The entry at each position of the name order (the inverse of `Entry.nameOrder`).
    let entryByNameOrder: [Int32]
    /// For each term, the planners (entry indices) that have it as a capability.
    let postings: PostingLists
    /// For each term, the planners that have it as a keyword (once per occurrence).
    let keywordPostings: PostingLists
    /// For each term, the planners that boost it.
    let boostPostings: PostingLists
    /// Every planner's boosts, in registry order and for each planner in the order of their keys;
    /// the boosts of entry `e` are at `boostStarts[e]..<boostStarts[e + 1]`.
    private let boostList: [(term: Int32, value: Double)]
    private let boostStarts: [Int32]

    /// Registries at least this large are gathered in parts, on several cores.
    static let partSize = 2_048

    var termCount: Int { terms.count }

    /// Indexes `records`; registries of at least `2 * partSize` planners are gathered in parts on
    /// up to `cores` cores.
    init(records: [PlannerRecord], cores: Int = ProcessorCount.active) {
        let partCount = max(1, min(cores, records.count / Self.partSize))
        let parts = parallelMap(count: partCount, minimumParallelCount: 2, workers: partCount) { part in
            RankingIndexPart(records: records, range: records.count * part / partCount..<records.count * (part + 1) / partCount)
        }
        // The parts' terms in order: a term keeps the id of its first appearance in the registry.
        var terms = parts[0].terms
        let ids = parts.map { part in part.terms.terms.map { terms.intern($0) } }
        self.terms = terms
        let termCount = terms.count
        // The capability lists (the longest) and the name order on one core, the rest on another.
        let ((postings, nameOrder), (keywordPostings, boostPostings, boosts)) = concurrently(isParallel: partCount > 1, {
            (PostingLists(termCount: termCount, parts, \.capabilities, ids: ids), Self.nameOrder(of: records))
        }, {
            (PostingLists(termCount: termCount, parts, \.keywords, ids: ids), PostingLists(termCount: termCount, parts, \.boostKeys, ids: ids),
             Self.boosts(of: parts, ids: ids))
        })
        self.postings = postings
        self.keywordPostings = keywordPostings
        self.boostPostings = boostPostings
        (boostList, boostStarts) = boosts
        var orderOf = [Int32](repeating: 0, count: records.count)
        for (position, index) in nameOrder.enumerated() { orderOf[Int(index)] = Int32(position) }
        entryByNameOrder = nameOrder
        var entries: [Entry] = []
        entries.reserveCapacity(records.count)
        for part in parts {
            entries += zip(part.ranks, orderOf[part.range]).lazy.map { Entry(rank: $0.rank, isActive: $0.isActive, nameOrder: $1) }
        }
        self.entries = entries
    }

    /// Every planner's boosts with the index's term ids, and where each planner's start.
    private static func boosts(of parts: [RankingIndexPart], ids: [[Int32]]) -> (list: [(term: Int32, value: Double)], starts: [Int32]) {
        var list: [(term: Int32, value: Double)] = []
        var starts: [Int32] = [0]
        list.reserveCapacity(parts.reduce(0) { $0 + $1.boostValues.count })
        starts.reserveCapacity(parts.reduce(1) { $0 + $1.range.count })
        for (part, ids) in zip(parts, ids) {
            let offset = Int32(list.count)
            list += zip(part.boostKeys.terms, part.boostValues).lazy.map { (ids[Int($0)], $1) }
            starts += part.boostKeys.ends.lazy.map { $0 + offset }
        }
        return (list, starts)
    }

    /// The record indices in the order of their names' bytes (equal names in registry order).
    private static func nameOrder(of records: [PlannerRecord]) -> [Int32] {
        records.indices.sorted { lhs, rhs in
            let (a, b) = (records[lhs].name, records[rhs].name)
            return a == b ? lhs < rhs : a.precedesInByteOrder(b)
        }.map { Int32($0) }
    }

    /// The boosts of the planner at `entry`, in the order of their keys.
    func boosts(of entry: Int32) -> ArraySlice<(term: Int32, value: Double)> {
        boostList[Int(boostStarts[Int(entry)])..<Int(boostStarts[Int(entry) + 1])]
    }

    /// The id of a normalized term, or `nil` when no planner mentions it.
    func id(of term: String) -> Int32? {
        terms.id(of: term)
    }
}

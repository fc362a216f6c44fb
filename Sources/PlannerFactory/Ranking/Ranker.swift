import PlannerKit

/// Ranks every planner for a request.
///
/// Order: the match ratio |R ∩ caps| / |R| (1 when R is empty), higher first; then the score,
/// higher first, where score = rank hint + the boosts that apply (key in R or a word of the
/// objective) + `keywordBonus` for each keyword that is a word of the objective; then the name in
/// byte order. Never hash order, never discovery order.
enum Ranker {
    /// What one keyword of a planner that occurs among the objective's words adds to its score.
    static let keywordBonus = 1.0

    /// One ranked planner, before it is turned into a `RankedCandidate` for display.
    struct Row: Sendable {
        var entry: Int32
        var matched: Int32
        var score: Double
        var isSelectable: Bool
        var nameOrder: Int32
    }

    /// Term marks: bit 1 = a required capability, bit 2 = a word of the objective.
    static let requiredMark: UInt8 = 1
    static let wordMark: UInt8 = 2

    static func marks(for request: RankingRequest, in index: RankingIndex) -> (marks: [UInt8], required: [Int32?]) {
        var marks = [UInt8](repeating: 0, count: index.termCount)
        let required = request.capabilities.map { index.id(of: $0) }
        for case let id? in required { marks[Int(id)] |= requiredMark }
        for word in Objective.words(of: request.objective) {
            if let id = index.id(of: word) { marks[Int(id)] |= wordMark }
        }
        return (marks, required)
    }

    static func rank(_ request: RankingRequest, in index: RankingIndex) -> [Row] {
        let (marks, required) = marks(for: request, in: index)
        var matched = [Int32](repeating: 0, count: index.entries.count)
        for case let id? in required {
            for entry in index.postings[Int(id)] { matched[Int(entry)] += 1 }
        }
        let requiredCount = Int32(request.capabilities.count)
        let minimum = request.minimumMatch
        var rows: [Row] = []
        rows.reserveCapacity(index.entries.count)
        for (position, entry) in index.entries.enumerated() {
            var score = entry.rank
            for boost in entry.boosts where marks[Int(boost.term)] != 0 { score += boost.value }
            for keyword in entry.keywords where marks[Int(keyword)] & wordMark != 0 { score += keywordBonus }
            let count = matched[position]
            let ratio = requiredCount == 0 ? 1 : Double(count) / Double(requiredCount)
            rows.append(Row(
                entry: Int32(position), matched: count, score: score,
                isSelectable: entry.isActive && ratio >= minimum, nameOrder: entry.nameOrder))
        }
        rows.sort { a, b in
            if a.matched != b.matched { return a.matched > b.matched }
            if a.score != b.score { return a.score > b.score }
            return a.nameOrder < b.nameOrder
        }
        return rows
    }
}

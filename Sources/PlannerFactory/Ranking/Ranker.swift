import PlannerKit

/// Ranks every planner for a request.
///
/// Order: the match ratio |R ∩ caps| / |R| (1 when R is empty), higher first; then the score,
/// higher first, where score = rank hint + the boosts that apply (key in R or a word of the
/// objective) + `keywordBonus` for each keyword that is a word of the objective; then the name in
/// byte order. Never hash order, never discovery order.
///
/// Each planner's place is one 128-bit sort key — matched count (descending), score (descending,
/// as order-preserving bits) and name position (ascending, unique) — so ordering 10,000 planners
/// is a plain integer sort, and a row is decoded from its key only when it is shown.
enum Ranker {
    /// What one keyword of a planner that occurs among the objective's words adds to its score.
    static let keywordBonus = 1.0

    /// One ranked planner, decoded from its key.
    struct Row: Sendable {
        var entry: Int32
        var matched: Int32
        var score: Double
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

    /// The sort keys of every planner, best first.
    static func rank(_ request: RankingRequest, in index: RankingIndex) -> [UInt128] {
        let (marks, required) = marks(for: request, in: index)
        var matched = [UInt16](repeating: 0, count: index.entries.count)
        for case let id? in required {
            for entry in index.postings[Int(id)] { matched[Int(entry)] &+= 1 }
        }
        var keys: [UInt128] = []
        keys.reserveCapacity(index.entries.count)
        for (position, entry) in index.entries.enumerated() {
            var score = entry.rank
            for boost in entry.boosts where marks[Int(boost.term)] != 0 { score += boost.value }
            for keyword in entry.keywords where marks[Int(keyword)] & wordMark != 0 { score += keywordBonus }
            keys.append(key(matched: matched[position], score: score, nameOrder: entry.nameOrder))
        }
        keys.sort()
        return keys
    }

    static func key(matched: UInt16, score: Double, nameOrder: Int32) -> UInt128 {
        UInt128(UInt16.max - matched) << 96 | UInt128(~orderedBits(score)) << 32 | UInt128(UInt32(bitPattern: nameOrder))
    }

    static func row(for key: UInt128, in index: RankingIndex) -> Row {
        let nameOrder = Int(UInt32(truncatingIfNeeded: key))
        let matched = UInt16.max - UInt16(truncatingIfNeeded: key >> 96)
        let score = double(fromOrderedBits: ~UInt64(truncatingIfNeeded: key >> 32))
        return Row(entry: index.entryByNameOrder[nameOrder], matched: Int32(matched), score: score)
    }

    /// The bits of `value`, mapped so that unsigned integer order is the order of the doubles.
    static func orderedBits(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    static func double(fromOrderedBits bits: UInt64) -> Double {
        Double(bitPattern: bits >> 63 == 1 ? bits & ~(1 << 63) : ~bits)
    }
}

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
/// is a plain integer sort, and a row is decoded from its key only when it is shown. Keys are
/// sorted only as far as rows are asked for (the winner and a top 10 need no sort at all).
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

    /// The sort keys of every planner, in registry order (unsorted: only the rows shown need a
    /// full order), with the best selectable key and how many are selectable.
    static func rank(_ request: RankingRequest, in index: RankingIndex) -> RankedKeys {
        let (marks, required) = marks(for: request, in: index)
        let count = index.entries.count
        var matched = [UInt16](repeating: 0, count: count)
        for case let id? in required {
            for entry in index.postings[Int(id)] { matched[Int(entry)] &+= 1 }
        }
        // Keyword bonuses and boosts, from the postings of the request's terms only. A boosted
        // planner's score is summed as its explanation lists it: rank, boosts in the order of
        // their keys, then the keywords; the others' are integers plus keyword hits, exact.
        var keywordHits = [UInt16](repeating: 0, count: count)
        var boosted: [Int32] = []
        for (term, mark) in marks.enumerated() where mark != 0 {
            boosted += index.boostPostings[term]
            if mark & wordMark != 0 {
                for entry in index.keywordPostings[term] { keywordHits[Int(entry)] &+= 1 }
            }
        }
        var boostedScores = [Double](repeating: .nan, count: boosted.isEmpty ? 0 : count)
        for entry in boosted where boostedScores[Int(entry)].isNaN {
            var score = index.entries[Int(entry)].rank
            for boost in index.boosts(of: entry) where marks[Int(boost.term)] != 0 { score += boost.value }
            for _ in 0..<keywordHits[Int(entry)] { score += keywordBonus }
            boostedScores[Int(entry)] = score
        }
        let requiredCount = request.capabilities.count
        var keys = [UInt128](repeating: 0, count: count)
        var best: UInt128?
        var selectable = 0
        index.entries.withUnsafeBufferPointer { entries in
            for position in 0..<count {
                let entry = entries[position]
                let score = boosted.isEmpty || boostedScores[position].isNaN
                    ? entry.rank + Double(keywordHits[position]) * keywordBonus : boostedScores[position]
                let key = key(matched: matched[position], score: score, nameOrder: entry.nameOrder)
                keys[position] = key
                if entry.isActive, requiredCount == 0 || Double(matched[position]) / Double(requiredCount) >= request.minimumMatch {
                    selectable += 1
                    if best.map({ key < $0 }) ?? true { best = key }
                }
            }
        }
        return RankedKeys(unsorted: keys, bestSelectable: best, selectableCount: selectable)
    }

    /// The `count` smallest of `keys`, in order: one pass with a sorted buffer of `count`, so a
    /// top 10 of 10,000 costs about one comparison per key instead of a whole sort.
    static func smallest(_ count: Int, of keys: [UInt128]) -> [UInt128] {
        guard count > 0 else { return [] }
        var best: [UInt128] = []
        best.reserveCapacity(count + 1)
        for key in keys {
            if best.count == count {
                guard key < best[count - 1] else { continue }
                best.removeLast()
            }
            var slot = best.count
            best.append(key)
            while slot > 0, best[slot - 1] > key {
                best[slot] = best[slot - 1]
                slot -= 1
            }
            best[slot] = key
        }
        return best
    }

    /// How many of the sorted `keys` are smaller than `key`.
    static func lowerBound(of key: UInt128, in keys: [UInt128]) -> Int {
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
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

/// A ranking's keys before ordering, and what selection needs from them.
struct RankedKeys: Sendable {
    /// Every planner's key, in registry order.
    var unsorted: [UInt128]
    /// The smallest key of a selectable planner (the winner's), if any.
    var bestSelectable: UInt128?
    var selectableCount: Int
}

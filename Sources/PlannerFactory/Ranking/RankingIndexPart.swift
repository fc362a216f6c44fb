/// What one pass over a range of the records gathers for a `RankingIndex`: their terms, interned
/// in the order they appear, and every occurrence of a term as a capability, a keyword or a boost,
/// in registry order. The parts of a large registry are gathered on several cores; the index
/// renumbers their terms in order (`RankingIndex.init(records:cores:)`), so it is the one a
/// single pass would build.
struct RankingIndexPart: Sendable {
    /// The terms of one kind (capabilities, keywords or boost keys) of the records of a part.
    struct Occurrences: Sendable {
        /// Each occurrence's term, by the part's ids, record by record.
        var terms: [Int32] = []
        /// For each record, `terms.count` after its occurrences.
        var ends: [Int32] = []

        /// Adds the occurrences of one record.
        mutating func add(_ list: UnsafeBufferPointer<String>, interningIn table: inout TermTable) {
            for position in list.indices { terms.append(table.intern(list[position])) }
            ends.append(Int32(terms.count))
        }
    }

    /// The records gathered: `range.lowerBound` is the first one's entry index.
    let range: Range<Int>
    /// The part's terms; ids are the part's own.
    var terms = TermTable()
    var capabilities = Occurrences()
    var keywords = Occurrences()
    /// Each planner's boosts, in the order of their keys.
    var boostKeys = Occurrences()
    /// The value of each boost of `boostKeys`.
    var boostValues: [Double] = []
    /// Each record's rank hint and whether it is active.
    var ranks: [(rank: Double, isActive: Bool)] = []

    /// Gathers the records at `range`.
    init(records: [PlannerRecord], range: Range<Int>) {
        self.range = range
        // Exact room for the per-record values; the occurrences grow (counting them first would
        // read every record twice, and reading records is most of the cost).
        capabilities.ends.reserveCapacity(range.count)
        keywords.ends.reserveCapacity(range.count)
        boostKeys.ends.reserveCapacity(range.count)
        ranks.reserveCapacity(range.count)
        // Fields are read in place, one at a time: a copy of a record would retain each of its
        // strings and arrays.
        records.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in range {
                let record = base + index
                record.pointee.capabilities.withUnsafeBufferPointer { capabilities.add($0, interningIn: &terms) }
                switch record.pointee.boosts.count {
                case 0: break
                case 1: for (key, value) in record.pointee.boosts { addBoost(key, value) }
                default: for (key, value) in record.pointee.boosts.sorted(by: { $0.key < $1.key }) { addBoost(key, value) }
                }
                boostKeys.ends.append(Int32(boostKeys.terms.count))
                record.pointee.keywords.withUnsafeBufferPointer { keywords.add($0, interningIn: &terms) }
                ranks.append((Double(record.pointee.rank), record.pointee.status == .active))
            }
        }
    }

    private mutating func addBoost(_ key: String, _ value: Double) {
        boostKeys.terms.append(terms.intern(key))
        boostValues.append(value)
    }
}

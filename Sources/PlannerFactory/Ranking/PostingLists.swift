/// For each term, the planners (entry indices) that have it in one way (as a capability, a keyword
/// or a boost), stored flat: the list of term `t` is `entries[starts[t]..<starts[t + 1]]`. Built
/// by a counting sort of the occurrences, so each list is in registry order (a planner that has a
/// term twice is listed twice).
struct PostingLists: Sendable {
    private let starts: [Int32]
    private let entries: [Int32]

    /// The lists of `termCount` terms from the occurrences of one kind in the parts, in order;
    /// `ids[p]` maps the term ids of part `p` to the ones of the lists (all below `termCount`).
    init(termCount: Int, _ parts: [RankingIndexPart], _ occurrences: KeyPath<RankingIndexPart, RankingIndexPart.Occurrences>, ids: [[Int32]]) {
        var starts = [Int32](repeating: 0, count: termCount + 1)
        var total = 0
        for (part, ids) in zip(parts, ids) {
            for term in part[keyPath: occurrences].terms { starts[Int(ids[Int(term)]) + 1] &+= 1 }
            total += part[keyPath: occurrences].terms.count
        }
        for term in 0..<termCount { starts[term + 1] &+= starts[term] }
        var next = starts
        self.starts = starts
        // No occurrence: an empty array of its own (`unsafeUninitializedCapacity: 0` writes the
        // count into the shared empty-array singleton, which the thread sanitizer reports as a race).
        guard total > 0 else {
            entries = []
            return
        }
        entries = [Int32](unsafeUninitializedCapacity: total) { buffer, initialized in
            for (part, ids) in zip(parts, ids) {
                let list = part[keyPath: occurrences]
                var occurrence = 0
                for (offset, end) in list.ends.enumerated() {
                    let entry = Int32(part.range.lowerBound + offset)
                    while occurrence < Int(end) {
                        let id = Int(ids[Int(list.terms[occurrence])])
                        // Each slot is written once: `next[id]` stays below `starts[id + 1]`.
                        buffer[Int(next[id])] = entry
                        next[id] &+= 1
                        occurrence += 1
                    }
                }
            }
            initialized = total
        }
    }

    /// The list of `term`.
    subscript(term: Int) -> ArraySlice<Int32> {
        entries[Int(starts[term])..<Int(starts[term + 1])]
    }
}

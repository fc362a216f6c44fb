import PlannerKit

/// The result of ranking every registered planner for a request. Cheap to make: full rows
/// (missing capabilities, reasons, explanations) are built only for the rows asked for.
public struct Ranking: Sendable {
    /// What was ranked for.
    public let request: RankingRequest
    private let records: [PlannerRecord]
    private let index: RankingIndex
    private let keys: RankedKeys
    /// The keys in order, sorted the first time more rows are asked for than a partial pass suits.
    private let order = SortedKeys()

    init(request: RankingRequest, records: [PlannerRecord], index: RankingIndex) {
        self.request = request
        self.records = records
        self.index = index
        self.keys = Ranker.rank(request, in: index)
    }

    /// How many planners were ranked (all registered ones).
    public var count: Int { keys.unsorted.count }

    /// How many may be selected.
    public var selectableCount: Int { keys.selectableCount }

    private func row(for key: UInt128) -> Ranker.Row {
        Ranker.row(for: key, in: index)
    }

    private func ratio(_ row: Ranker.Row) -> Double {
        request.capabilities.isEmpty ? 1 : Double(row.matched) / Double(request.capabilities.count)
    }

    private func isSelectable(_ row: Ranker.Row) -> Bool {
        index.entries[Int(row.entry)].isActive && ratio(row) >= request.minimumMatch
    }

    /// Whether any planner is active at all.
    public var hasActivePlanners: Bool { index.entries.contains { $0.isActive } }

    /// The best selectable planner, if any.
    public var winner: RankedCandidate? {
        winner(explain: false)
    }

    /// The best selectable planner, if any, with its score explained when `explain` is set.
    public func winner(explain: Bool) -> RankedCandidate? {
        keys.bestSelectable.map { candidate(for: $0, at: position(of: $0), explain: explain) }
    }

    /// The 0-based place of `key` in the order: how many keys are smaller (keys are unique).
    private func position(of key: UInt128) -> Int {
        if let sorted = order.sorted { return Ranker.lowerBound(of: key, in: sorted) }
        return keys.unsorted.reduce(0) { $0 + ($1 < key ? 1 : 0) }
    }

    /// The first `count` keys in order.
    private func firstKeys(_ count: Int) -> ArraySlice<UInt128> {
        let count = min(count, keys.unsorted.count)
        if let sorted = order.sorted { return sorted[..<count] }
        if count <= 64 { return Ranker.smallest(count, of: keys.unsorted)[...] }
        return order.sort(keys.unsorted)[..<count]
    }

    /// The best-ranked rows, in order.
    /// - Parameters:
    ///   - limit: how many rows; `nil` for all.
    ///   - explain: add the score term by term.
    public func candidates(limit: Int? = nil, explain: Bool = false) -> [RankedCandidate] {
        firstKeys(max(0, limit ?? count)).enumerated().map { candidate(for: $0.element, at: $0.offset, explain: explain) }
    }

    /// The rows at `positions` (clamped to the ranking), for scrolling views of large rankings.
    public func candidates(in positions: Range<Int>, explain: Bool = false) -> [RankedCandidate] {
        let range = positions.clamped(to: 0..<count)
        let first = firstKeys(range.upperBound)
        return range.map { candidate(for: first[$0], at: $0, explain: explain) }
    }

    /// The row of the planner named `name`, if it was ranked.
    public func candidate(named name: String, explain: Bool = true) -> RankedCandidate? {
        keys.unsorted.first { key in
            let record = records[Int(row(for: key).entry)]
            return record.name == name && record.status != .shadowed
        }.map { candidate(for: $0, at: position(of: $0), explain: explain) }
    }

    private func candidate(for key: UInt128, at position: Int, explain: Bool) -> RankedCandidate {
        let row = row(for: key)
        let record = records[Int(row.entry)]
        let capabilities = Set(record.capabilities)
        let missing = request.capabilities.filter { !capabilities.contains($0) }
        let ratio = ratio(row)
        let isSelectable = isSelectable(row)
        return RankedCandidate(
            position: position + 1, name: record.name, version: record.version, kind: record.kind,
            status: record.status, score: row.score, matchRatio: ratio, missing: missing,
            isSelectable: isSelectable,
            whyNotSelectable: isSelectable ? nil : whyNot(record, ratio: ratio, missing: missing),
            terms: explain ? terms(for: record, ratio: ratio, missing: missing) : nil)
    }

    private func whyNot(_ record: PlannerRecord, ratio: Double, missing: [String]) -> String {
        if record.status != .active {
            return "it is \(record.status)" + (record.reason.map { ": \($0)" } ?? "")
        }
        // The candidate's `missing` has them all; a reason names the first few.
        return "its match ratio \(JSONValue.format(ratio)) is below the minimum \(JSONValue.format(request.minimumMatch))"
            + " (missing: \(TerminalText.firstFew(missing)))"
    }

    private func terms(for record: PlannerRecord, ratio: Double, missing: [String]) -> [ScoreTerm] {
        let required = Set(request.capabilities)
        let words = Set(Objective.words(of: request.objective))
        let matchedCount = request.capabilities.count - missing.count
        var terms = [ScoreTerm(
            label: "match ratio", value: ratio,
            detail: request.capabilities.isEmpty
                ? "no capabilities required"
                : "\(matchedCount) of \(request.capabilities.count) required capabilities"
                    + (missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))"),
            isAdditive: false)]
        terms.append(ScoreTerm(
            label: "rank hint", value: Double(record.rank),
            detail: record.kind == .builtin ? "descriptor rank" : "manifest \"rank\"", isAdditive: true))
        for key in record.boosts.keys.sorted() {
            let reason: String? = required.contains(key) ? "required capability" : words.contains(key) ? "word of the objective" : nil
            if let reason, let value = record.boosts[key] {
                terms.append(ScoreTerm(label: "boost \(key)", value: value, detail: reason, isAdditive: true))
            }
        }
        for keyword in record.keywords where words.contains(keyword) {
            terms.append(ScoreTerm(label: "keyword \(keyword)", value: Ranker.keywordBonus, detail: "word of the objective", isAdditive: true))
        }
        return terms
    }
}

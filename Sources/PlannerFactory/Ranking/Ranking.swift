import PlannerKit

/// The result of ranking every registered planner for a request. Cheap to make: full rows
/// (missing capabilities, reasons, explanations) are built only for the rows asked for.
public struct Ranking: Sendable {
    /// What was ranked for.
    public let request: RankingRequest
    private let records: [PlannerRecord]
    private let index: RankingIndex
    private let keys: [UInt128]

    init(request: RankingRequest, records: [PlannerRecord], index: RankingIndex) {
        self.request = request
        self.records = records
        self.index = index
        self.keys = Ranker.rank(request, in: index)
    }

    /// How many planners were ranked (all registered ones).
    public var count: Int { keys.count }

    /// How many may be selected.
    public var selectableCount: Int { keys.indices.reduce(0) { $0 + (isSelectable(row(at: $1)) ? 1 : 0) } }

    private func row(at position: Int) -> Ranker.Row {
        Ranker.row(for: keys[position], in: index)
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
        keys.indices.first { isSelectable(row(at: $0)) }.map { candidate(at: $0, explain: explain) }
    }

    /// The best-ranked rows, in order.
    /// - Parameters:
    ///   - limit: how many rows; `nil` for all.
    ///   - explain: add the score term by term.
    public func candidates(limit: Int? = nil, explain: Bool = false) -> [RankedCandidate] {
        let end = min(keys.count, max(0, limit ?? keys.count))
        return (0..<end).map { candidate(at: $0, explain: explain) }
    }

    /// The rows at `positions` (clamped to the ranking), for scrolling views of large rankings.
    public func candidates(in positions: Range<Int>, explain: Bool = false) -> [RankedCandidate] {
        let range = positions.clamped(to: 0..<keys.count)
        return range.map { candidate(at: $0, explain: explain) }
    }

    /// The row of the planner named `name`, if it was ranked.
    public func candidate(named name: String, explain: Bool = true) -> RankedCandidate? {
        keys.indices.first { position in
            let record = records[Int(row(at: position).entry)]
            return record.name == name && record.status != .shadowed
        }.map { candidate(at: $0, explain: explain) }
    }

    private func candidate(at position: Int, explain: Bool) -> RankedCandidate {
        let row = row(at: position)
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
        return "its match ratio \(JSONValue.format(ratio)) is below the minimum \(JSONValue.format(request.minimumMatch))"
            + " (missing: \(missing.joined(separator: ", ")))"
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

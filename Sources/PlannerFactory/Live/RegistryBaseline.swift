/// The registry as subscribers last heard of it, to turn a new registry into events: probe
/// results, quarantines, releases, and other status changes (planners added or removed).
struct RegistryBaseline: Sendable {
    /// The registry generation it reflects; older registries are ignored.
    private(set) var generation = Int.min
    private var records: [Key: PlannerRecord] = [:]

    /// A planner's identity: its name and bundle (several invalid or shadowed bundles may share a
    /// name), and which of the records with both it is, in registry order (two builtins of one name).
    private struct Key: Hashable {
        var name: String
        var path: String?
        var occurrence: Int

        /// The key of every record, in order.
        static func keys(of records: [PlannerRecord]) -> [Key] {
            var seen: [Key: Int] = [:]
            return records.map { record in
                var key = Key(name: record.name, path: record.path, occurrence: 0)
                key.occurrence = seen[key, default: 0]
                seen[Key(name: record.name, path: record.path, occurrence: 0), default: 0] += 1
                return key
            }
        }
    }

    mutating func reset(generation: Int, records: [PlannerRecord]) {
        self.generation = generation
        self.records = Dictionary(zip(Key.keys(of: records), records), uniquingKeysWith: { first, _ in first })
    }

    /// The events that lead from the baseline to `current`, in registry order, removals last.
    func changes(to current: [PlannerRecord], at time: Double) -> [LiveEvent] {
        var events: [LiveEvent] = []
        var seen = Set<Key>()
        for (key, record) in zip(Key.keys(of: current), current) {
            seen.insert(key)
            guard let old = records[key] else {
                events.append(.status(record, from: nil, isRemoved: false, at: time))
                continue
            }
            events += Self.changes(from: old, to: record, at: time)
        }
        for (key, old) in records where !seen.contains(key) {
            events.append(.status(old, from: old.status, isRemoved: true, at: time))
        }
        return events
    }

    private static func changes(from old: PlannerRecord, to new: PlannerRecord, at time: Double) -> [LiveEvent] {
        let isRequarantined = new.status == .quarantined && old.quarantinedSince != new.quarantinedSince
        guard old.status != new.status || old.reason != new.reason || isRequarantined else { return [] }
        switch (old.status, new.status) {
        case (.pending, .active):
            return [.probe(new, at: time)]
        case (.pending, .quarantined):
            return [.probe(new, at: time), .quarantine(new, at: time)]
        case (_, .quarantined):
            return [.quarantine(new, at: time)]
        case (.quarantined, _):
            return [.release(new, from: old.status, at: time)]
        default:
            return [.status(new, from: old.status, isRemoved: false, at: time)]
        }
    }
}

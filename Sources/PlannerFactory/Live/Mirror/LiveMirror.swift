import PlannerKit

/// Another process's factory as its live stream tells it: the registry, the telemetry and the
/// configuration it runs with, kept up to date line by line — what `factory-tui --attach` shows.
///
/// Feed it the hello line, then every line of a `LiveConnection`; read it from any thread.
/// Rankings are computed here, on the received registry, with the publisher's minimum match;
/// nothing is asked of the publisher.
///
/// Telemetry: counts and failures are the publisher's (its snapshot's, plus every event since);
/// percentiles and the mean are over the recent records its snapshot carried and every event
/// since; the maximum is the larger of the snapshot's and those.
///
/// ```swift
/// let mirror = LiveMirror()
/// mirror.start(hello: connection.hello)
/// while case .message(let line) = try connection.next(timeout: .seconds(1)) { _ = try mirror.apply(line) }
/// print(mirror.rank(objective: "route", capabilities: ["grid"]).winner(explain: false)?.name ?? "none")
/// ```
public final class LiveMirror: Sendable {
    /// What a line changed.
    public struct Change: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The registry (a snapshot, a probe result, a quarantine, a release, a status change).
        public static let planners = Change(rawValue: 1)
        /// The telemetry (a snapshot, a selection, an instantiation, a plan call).
        public static let telemetry = Change(rawValue: 2)
        /// The publisher said it stops publishing.
        public static let closing = Change(rawValue: 4)
    }

    private struct Baseline {
        var summary: LatencySummary = .empty
        /// How many of its recent records (and failures among them) were fed to the local profiler.
        var seeded = 0, seededFailures = 0

        /// The publisher's count and failures with the events since; the local percentiles.
        func merged(_ local: LatencySummary) -> LatencySummary {
            guard local.count > seeded else { return summary }
            var merged = local
            merged.count = summary.count + local.count - seeded
            merged.failures = summary.failures + local.failures - seededFailures
            merged.max = Swift.max(summary.max, local.max)
            return merged
        }
    }

    private struct State {
        var hello: JSONValue = .null
        var configuration: [String: JSONValue] = [:]
        var minimumMatch: Double = 1
        var records: [PlannerRecord] = []
        var index: RankingIndex?
        /// Counts changes of `records` (a ranking index is kept only for the records it was built on).
        var generation = 0
        var telemetry = TelemetryManager(capacity: 1)
        var selections = Baseline(), instantiations = Baseline(), planCalls = Baseline()
        var phases: [String: LatencySummary] = [:]
        var droppedEvents: UInt64 = 0
        var events: UInt64 = 0
        var hasSnapshot = false
        /// Planner records of the snapshot that could not be read (a newer publisher's status …), and why the first could not.
        var skippedPlanners = 0
        var skippedReason: String?
    }

    private let state = Locked(State())

    /// The most recent records of each kind a mirror keeps.
    static let recentLimit = 100_000

    /// The format of the stream this mirror reads (the hello line's `format`).
    public static let format = LivePublisher.formatVersion

    public init() {}

    /// Starts over for a (new) connection: its hello line; everything else waits for the snapshot.
    public func start(hello: JSONValue) {
        state.withLock { $0 = State(hello: hello, generation: $0.generation + 1) }
    }

    /// The publisher's hello line.
    public var hello: JSONValue { state.withLock { $0.hello } }

    /// Planner records of the snapshot that could not be read and are left out (a status this
    /// version does not know, a record without its form), and why the first one could not.
    public var skippedPlanners: (count: Int, firstReason: String?) { state.withLock { ($0.skippedPlanners, $0.skippedReason) } }

    /// Whether the snapshot arrived.
    public var hasSnapshot: Bool { state.withLock { $0.hasSnapshot } }

    /// Events the publisher dropped for this subscriber (it fell behind), and events received.
    public var eventCounts: (received: UInt64, dropped: UInt64) { state.withLock { ($0.events, $0.droppedEvents) } }

    /// The minimum match the publisher ranks with (`FACTORY_MIN_MATCH`).
    public var minimumMatch: Double { state.withLock { $0.minimumMatch } }

    /// The publisher's configuration, as its snapshot gave it (`FactoryConfiguration.json`).
    public var configuration: [String: JSONValue] { state.withLock { $0.configuration } }

    /// The received registry, in the publisher's order (planners added since the snapshot last).
    public func planners() -> [PlannerRecord] {
        state.withLock { $0.records }
    }

    /// The received telemetry.
    public func telemetry() -> TelemetrySnapshot {
        let (manager, selections, instantiations, planCalls, phases) = state.withLock {
            ($0.telemetry, $0.selections, $0.instantiations, $0.planCalls, $0.phases)
        }
        var snapshot = manager.snapshot()
        snapshot.selection = selections.merged(snapshot.selection)
        snapshot.instantiation = instantiations.merged(snapshot.instantiation)
        snapshot.planCall = planCalls.merged(snapshot.planCall)
        snapshot.instantiationPhases = phases.merging(snapshot.instantiationPhases) { base, local in
            local.count > base.count ? local : base
        }
        return snapshot
    }

    /// Ranks the received registry, as the publisher would (not recorded anywhere).
    public func rank(objective: String = "", capabilities: [String] = []) -> Ranking {
        let (records, cached, minimumMatch, generation) = state.withLock { ($0.records, $0.index, $0.minimumMatch, $0.generation) }
        let request = RankingRequest(objective: objective, capabilities: capabilities, minimumMatch: minimumMatch)
        if let cached { return Ranking(request: request, records: records, index: cached) }
        let index = RankingIndex(records: records)
        state.withLock { state in
            if state.generation == generation { state.index = index }
        }
        return Ranking(request: request, records: records, index: index)
    }

    /// Applies one line after the hello: the snapshot, an event, a `dropped` notice or `closing`.
    /// Lines of types it does not know change nothing (newer publishers may add some).
    /// - Throws: `DataFormatError` for a line of a known type that does not have its form; the
    ///   mirror is left as it was.
    @discardableResult
    public func apply(_ line: JSONValue) throws(DataFormatError) -> Change {
        switch line["type"]?.stringValue {
        case "snapshot":
            try applySnapshot(line)
            return [.planners, .telemetry]
        case "selection":
            let record = try SelectionRecord(json: line)
            state.withLock { $0.events += 1; $0.telemetry.selections.record(record) }
            return .telemetry
        case "instantiation":
            let record = try InstantiationRecord(json: line)
            state.withLock { $0.events += 1; $0.telemetry.instantiations.record(record) }
            return .telemetry
        case "plan-end":
            let record = try PlanCallRecord(json: line)
            state.withLock { $0.events += 1; $0.telemetry.planCalls.record(record) }
            return .telemetry
        case "probe", "quarantine", "release", "status":
            let record = try PlannerRecord(json: line["record"] ?? .null)
            let isRemoved = line["removed"]?.boolValue ?? false
            // Several records may share a name and bundle (two builtins of one name, one shadowed):
            // the one in the status the event comes from.
            let from = line["from"]?.stringValue ?? (line["type"] == "probe" ? PlannerStatus.pending.description : nil)
            state.withLock { state in
                state.events += 1
                state.index = nil
                state.generation += 1
                let same = state.records.indices.filter { state.records[$0].name == record.name && state.records[$0].path == record.path }
                if let position = same.first(where: { from == nil || state.records[$0].status.description == from }) ?? same.first {
                    if isRemoved { state.records.remove(at: position) } else { state.records[position] = record }
                } else if !isRemoved {
                    state.records.append(record)
                }
            }
            return .planners
        case "dropped":
            let count = line["count"]?.numberValue.flatMap { UInt64(exactly: $0) } ?? 0
            state.withLock { $0.droppedEvents += count }
            return .telemetry
        case "closing":
            return .closing
        default:
            state.withLock { $0.events += 1 }
            return []
        }
    }

    private func applySnapshot(_ line: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(line, "a live snapshot")
        var records: [PlannerRecord] = []
        var skipped = 0
        var skippedReason: String?
        for value in try fields.array("planners") {
            do {
                records.append(try PlannerRecord(json: value))
            } catch {
                skipped += 1
                skippedReason = skippedReason ?? error.message
            }
        }
        let telemetry = try TelemetrySnapshot(json: fields.members["telemetry"] ?? .null)
        let configuration = try fields.object("configuration")
        // The recent records are at most what the publisher keeps; more than a mirror needs is not kept.
        let manager = TelemetryManager(capacity: min(max(1, telemetry.capacity), Self.recentLimit))
        // Oldest first, so the local profilers keep them in the publisher's order.
        for record in telemetry.recentSelections.reversed() { manager.selections.record(record) }
        for record in telemetry.recentInstantiations.reversed() { manager.instantiations.record(record) }
        for record in telemetry.recentPlanCalls.reversed() { manager.planCalls.record(record) }
        state.withLock { state in
            state.configuration = configuration
            state.minimumMatch = configuration["FACTORY_MIN_MATCH"]?["value"]?.numberValue ?? 1
            state.records = records
            state.index = nil
            state.generation += 1
            state.telemetry = manager
            state.selections = Baseline(summary: telemetry.selection, seeded: telemetry.recentSelections.count,
                                        seededFailures: telemetry.recentSelections.count { $0.isFailure })
            state.instantiations = Baseline(summary: telemetry.instantiation, seeded: telemetry.recentInstantiations.count,
                                            seededFailures: telemetry.recentInstantiations.count { $0.outcome.isFailure })
            state.planCalls = Baseline(summary: telemetry.planCall, seeded: telemetry.recentPlanCalls.count,
                                       seededFailures: telemetry.recentPlanCalls.count { !$0.isSuccess })
            state.phases = telemetry.instantiationPhases
            state.skippedPlanners = skipped
            state.skippedReason = skippedReason
            state.hasSnapshot = true
        }
    }
}

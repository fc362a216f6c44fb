
/// Keeps the most recent planner instantiations and the latency statistics of all of them,
/// in total and per phase.
///
/// Thread-safe; recording takes one short lock and, once each phase name has been seen, does not
/// allocate.
///
/// ```swift
/// let profiler = InstantiationProfiler(capacity: 100)
/// profiler.record(InstantiationRecord(planner: "astar", phases: [.init(name: "create", duration: .microseconds(80))], outcome: .success))
/// profiler.phaseSummaries()["create"]?.count // 1
/// ```
public final class InstantiationProfiler: Sendable {
    private struct State: Sendable {
        var log: ProfileLog<InstantiationRecord>
        var phases = PhaseLatencies()
    }

    /// How many recent records the profiler keeps.
    public let capacity: Int
    private let state: Locked<State>

    /// Creates an empty profiler.
    /// - Parameter capacity: how many recent records to keep; at least 1.
    public init(capacity: Int) {
        self.capacity = capacity
        state = Locked(State(log: ProfileLog(capacity: capacity)))
    }

    /// Records an instantiation: keeps it among the recent ones and adds its total duration and
    /// each phase's duration to the statistics; a `.failure` outcome counts as a failure.
    ///
    /// The total is the sum of the phases' durations as recorded (each clamped to `0...1 h`).
    /// - Parameter record: the instantiation.
    public func record(_ record: consuming InstantiationRecord) {
        let isFailure = record.outcome.isFailure
        var record = record
        state.withLock { state in
            let total = state.phases.record(record.phases, isFailure: isFailure)
            state.log.append(exchanging: &record, nanoseconds: total, isFailure: isFailure)
        }
        // `record` now holds the evicted record: it is released here, after the lock.
    }

    /// The most recent instantiations, newest first.
    /// - Parameter limit: the most records to return.
    public func recent(limit: Int) -> [InstantiationRecord] {
        state.withLock { $0.log.records.newestFirst(limit: limit) }
    }

    /// The statistics of the total durations of every instantiation since creation or the last reset.
    public func summary() -> LatencySummary {
        state.withLock { $0.log.summary() }
    }

    /// The statistics of each phase name's durations since creation or the last reset; a phase's
    /// `failures` counts the failed instantiations that included it. The first
    /// 16 distinct phase names are tracked; later new names are left out.
    public func phaseSummaries() -> [String: LatencySummary] {
        state.withLock { $0.phases.summaries() }
    }

    /// Forgets every record and statistic.
    public func reset() {
        state.withLock { state in
            state.log.reset()
            state.phases.reset()
        }
    }

    /// The summaries and up to `limit` recent records (newest first), read under one lock so they agree.
    func snapshot(limit: Int) -> (summary: LatencySummary, phases: [String: LatencySummary], recent: [InstantiationRecord]) {
        state.withLock { ($0.log.summary(), $0.phases.summaries(), $0.log.records.newestFirst(limit: limit)) }
    }
}

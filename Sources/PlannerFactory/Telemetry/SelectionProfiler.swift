
/// Keeps the most recent planner selections and the latency statistics of all of them.
///
/// Thread-safe; recording takes one short lock and does not allocate.
///
/// ```swift
/// let profiler = SelectionProfiler(capacity: 100)
/// profiler.record(SelectionRecord(objective: "route", candidateCount: 3, winner: "astar", duration: .microseconds(40)))
/// profiler.summary().count        // 1
/// profiler.recent(limit: 10)      // newest first
/// ```
public final class SelectionProfiler: Sendable {
    /// How many recent records the profiler keeps.
    public let capacity: Int
    private let state: Locked<ProfileLog<SelectionRecord>>

    /// Creates an empty profiler.
    /// - Parameter capacity: how many recent records to keep; at least 1.
    public init(capacity: Int) {
        self.capacity = capacity
        state = Locked(ProfileLog(capacity: capacity))
    }

    /// Records a selection: keeps it among the recent ones and adds its duration to the statistics;
    /// a record with an `error` counts as a failure.
    /// - Parameter record: the selection.
    public func record(_ record: consuming SelectionRecord) {
        let nanoseconds = LatencyRecorder.clampedNanoseconds(record.duration)
        let isFailure = record.isFailure
        var record = record
        state.withLock { $0.append(exchanging: &record, nanoseconds: nanoseconds, isFailure: isFailure) }
        // `record` now holds the evicted record: it is released here, after the lock.
    }

    /// The most recent selections, newest first.
    /// - Parameter limit: the most records to return.
    public func recent(limit: Int) -> [SelectionRecord] {
        state.withLock { $0.records.newestFirst(limit: limit) }
    }

    /// The latency statistics of every selection recorded since creation or the last reset.
    public func summary() -> LatencySummary {
        state.withLock { $0.summary() }
    }

    /// Forgets every record and statistic.
    public func reset() {
        state.withLock { $0.reset() }
    }

    /// The summary and up to `limit` recent records (newest first), read under one lock so they agree.
    func snapshot(limit: Int) -> (summary: LatencySummary, recent: [SelectionRecord]) {
        state.withLock { ($0.summary(), $0.records.newestFirst(limit: limit)) }
    }
}

import PlannerKit

/// One plan call: the planner, the worker that served it (none in-process), how long it took and
/// how it ended.
public struct PlanCallRecord: Sendable, Hashable {
    /// When the call ended, in seconds since the Unix epoch (wall clock).
    public var timestamp: Double
    /// The planner's name.
    public var planner: String
    /// The worker's process id, or `nil` for an in-process call.
    public var workerPID: Int32?
    /// How long the call took.
    public var duration: Duration
    /// `success`, or an error code (`unsolvable`, `call-timeout`, `worker-failed`, `cancelled` …).
    public var outcome: String
    /// The error message, when it failed.
    public var error: String?

    public init(timestamp: Double = WallClock.now(), planner: String, workerPID: Int32?, duration: Duration, outcome: String, error: String? = nil) {
        self.timestamp = timestamp
        self.planner = planner
        self.workerPID = workerPID
        self.duration = duration
        self.outcome = outcome
        self.error = error
    }

    /// Whether the call returned a plan.
    public var isSuccess: Bool { outcome == "success" }

    /// The record as JSON: `timestamp`, `planner`, `workerPid` (or `null`), `durationMicroseconds`,
    /// `outcome`, `error`.
    public var json: JSONValue {
        [
            "timestamp": .number(timestamp),
            "planner": .string(planner),
            "workerPid": workerPID.map { .number(Double($0)) } ?? .null,
            "durationMicroseconds": .number(duration.microseconds),
            "outcome": .string(outcome),
            "error": error.map(JSONValue.string) ?? .null,
        ]
    }
}

/// Keeps the most recent plan calls and the latency statistics of all of them. Thread-safe.
public final class PlanCallProfiler: Sendable {
    /// How many recent records the profiler keeps.
    public let capacity: Int
    private let state: Locked<ProfileLog<PlanCallRecord>>

    /// Creates an empty profiler keeping `capacity` recent records.
    public init(capacity: Int) {
        self.capacity = capacity
        state = Locked(ProfileLog(capacity: capacity))
    }

    /// Records a plan call; a failed one counts as a failure.
    public func record(_ record: consuming PlanCallRecord) {
        var record = record
        let nanoseconds = LatencyRecorder.clampedNanoseconds(record.duration)
        let isFailure = !record.isSuccess
        state.withLock { $0.append(exchanging: &record, nanoseconds: nanoseconds, isFailure: isFailure) }
    }

    /// The statistics and up to `limit` recent records (newest first), under one lock.
    func snapshot(limit: Int) -> (summary: LatencySummary, recent: [PlanCallRecord]) {
        state.withLock { ($0.summary(), $0.records.newestFirst(limit: limit)) }
    }

    /// Forgets every record and statistic.
    public func reset() {
        state.withLock { $0.reset() }
    }
}

/// A profiler's state: the recent records in a ring buffer and the statistics of all of them.
///
/// Not thread-safe by itself: each profiler keeps one behind its lock.
struct ProfileLog<Record: Sendable>: Sendable {
    /// The most recent records.
    private(set) var records: RingBuffer<Record>
    /// The statistics of every record since creation or the last reset.
    private var latency = LatencyRecorder()

    /// Creates an empty log that keeps the `capacity` most recent records.
    init(capacity: Int) {
        records = RingBuffer(capacity: capacity)
    }

    /// Keeps `record` and records its duration (see `LatencyRecorder.clampedNanoseconds(_:)`);
    /// O(1), no allocation after the first record's (the histogram's buckets).
    /// - Parameter record: the new record; on return, the evicted one (or itself when nothing was
    ///   evicted), for the caller to release after unlocking.
    mutating func append(exchanging record: inout Record, nanoseconds: UInt64, isFailure: Bool) {
        latency.record(nanoseconds: nanoseconds, isFailure: isFailure)
        records.append(exchanging: &record)
    }

    /// The statistics of every record since creation or the last reset (cached until the next record).
    mutating func summary() -> LatencySummary {
        latency.summary()
    }

    /// Forgets every record and statistic, keeping the storage.
    mutating func reset() {
        records.removeAll()
        latency.reset()
    }
}

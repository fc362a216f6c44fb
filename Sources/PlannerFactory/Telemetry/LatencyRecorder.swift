/// Counts and a latency histogram: the statistics half of a profiler's state.
///
/// Recording is O(1); only the first value allocates (the histogram's buckets, 270 KB, made then
/// rather than at creation, so a factory that records nothing never makes them).
/// Not thread-safe by itself: profilers keep it behind their lock.
struct LatencyRecorder: Sendable {
    /// The longest duration tracked, in nanoseconds (an hour); longer durations are clamped to it.
    static let highestTrackableNanoseconds: UInt64 = 3_600_000_000_000

    private var histogram = LatencyHistogram()
    private(set) var count = 0
    private(set) var failures = 0
    private var totalNanoseconds: UInt64 = 0
    private var maxNanoseconds: UInt64 = 0
    /// The last summary: still right while `count` is unchanged (every record changes it; a reset
    /// clears the cache).
    private var cachedSummary: LatencySummary?

    /// Records one duration.
    /// - Parameters:
    ///   - nanoseconds: the duration as `clampedNanoseconds(_:)` gives it (at most an hour).
    ///   - isFailure: whether it belongs to a failed operation.
    mutating func record(nanoseconds: UInt64, isFailure: Bool) {
        histogram.record(nanoseconds)
        count += 1
        if isFailure { failures += 1 }
        let (total, overflow) = totalNanoseconds.addingReportingOverflow(nanoseconds)
        totalNanoseconds = overflow ? .max : total
        if nanoseconds > maxNanoseconds { maxNanoseconds = nanoseconds }
    }

    /// A duration in whole nanoseconds, as recorded: negative is 0, above an hour is an hour.
    @inline(__always)
    static func clampedNanoseconds(_ duration: Duration) -> UInt64 {
        duration.nanoseconds(clampedTo: highestTrackableNanoseconds)
    }

    /// The statistics of everything recorded since creation or the last reset.
    ///
    /// Finding the percentiles walks the histogram up to the 99th percentile (tens of microseconds
    /// for microsecond latencies, a few hundred for milliseconds), so the result is cached until
    /// the next record.
    mutating func summary() -> LatencySummary {
        if let cachedSummary, cachedSummary.count == count { return cachedSummary }
        let summary = computeSummary()
        cachedSummary = summary
        return summary
    }

    private func computeSummary() -> LatencySummary {
        guard count > 0 else { return .empty }
        let (p50, p95, p99) = percentiles()
        return LatencySummary(
            count: count,
            failures: failures,
            p50: .nanoseconds(p50),
            p95: .nanoseconds(p95),
            p99: .nanoseconds(p99),
            max: .nanoseconds(maxNanoseconds),
            mean: .nanoseconds(totalNanoseconds / UInt64(count))
        )
    }

    /// The 50th, 95th and 99th percentiles in nanoseconds (within 0.1%, never above the largest
    /// value recorded), in one pass over the histogram.
    func percentiles() -> (p50: UInt64, p95: UInt64, p99: UInt64) {
        let values = histogram.values(atRanks: [rank(50), rank(95), rank(99)]).map { Swift.min($0, maxNanoseconds) }
        guard values.count == 3 else { return (maxNanoseconds, maxNanoseconds, maxNanoseconds) }
        return (values[0], values[1], values[2])
    }

    /// The rank (1-based) of the value at `percentile`: the smallest rank whose share of all
    /// values reaches the percentile.
    private func rank(_ percentile: Double) -> UInt64 {
        let exact = (percentile.nextDown * Double(histogram.totalCount) / 100).rounded(.up)
        return Swift.max(1, UInt64(exact))
    }

    /// Forgets everything recorded, keeping the histogram's storage.
    mutating func reset() {
        histogram.reset()
        count = 0
        failures = 0
        totalNanoseconds = 0
        maxNanoseconds = 0
        cachedSummary = nil
    }
}

import Histogram

/// Counts and a latency histogram: the statistics half of a profiler's state.
///
/// Recording is O(1) and never allocates: the histogram's buckets are allocated once, at creation.
/// Not thread-safe by itself: profilers keep it behind their lock.
struct LatencyRecorder: Sendable {
    /// The longest duration tracked, in nanoseconds (an hour); longer durations are clamped to it.
    static let highestTrackableNanoseconds: UInt64 = 3_600_000_000_000

    private var histogram = Histogram<UInt64>(
        highestTrackableValue: highestTrackableNanoseconds,
        numberOfSignificantValueDigits: .three
    )
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

    /// The 50th, 95th and 99th percentiles in nanoseconds, as `Histogram.valueAtPercentile(_:)`
    /// computes them, in one pass that stops at the 99th.
    ///
    /// `valueAtPercentile` is generic code that is not specialized across modules: three scans of
    /// it took a millisecond here. The `recordedValues()` iterator is inlinable, so it is
    /// specialized, and one pass of it is enough.
    func percentiles() -> (p50: UInt64, p95: UInt64, p99: UInt64) {
        // The iterator sums count × value in a UInt64: fall back when that could overflow.
        guard maxNanoseconds <= UInt64.max / histogram.totalCount / 2 else { return percentilesByScanning() }
        let ranks = (p50: rank(50), p95: rank(95), p99: rank(99))
        var p50: UInt64?
        var p95: UInt64?
        for step in histogram.recordedValues() {
            let reached = step.totalCountToThisValue
            let value = Swift.min(step.value, maxNanoseconds)
            if p50 == nil, reached >= ranks.p50 { p50 = value }
            if p95 == nil, reached >= ranks.p95 { p95 = value }
            if reached >= ranks.p99 { return (p50 ?? value, p95 ?? value, value) }
        }
        return (p50 ?? maxNanoseconds, p95 ?? maxNanoseconds, maxNanoseconds)
    }

    /// The same percentiles from `Histogram.valueAtPercentile(_:)`: slower, but no sum can overflow.
    func percentilesByScanning() -> (p50: UInt64, p95: UInt64, p99: UInt64) {
        (histogram.valueAtPercentile(50), histogram.valueAtPercentile(95), histogram.valueAtPercentile(99))
    }

    /// How many recorded values lie at or below `percentile`, as `valueAtPercentile` counts them.
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

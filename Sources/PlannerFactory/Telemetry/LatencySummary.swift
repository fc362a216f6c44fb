import PlannerKit

/// Latency statistics of everything a profiler recorded since it was created or reset.
///
/// Percentiles come from a log-linear histogram of nanoseconds with 3 significant digits (the
/// layout of an HDR histogram), so they are accurate to 0.1 %; `max` and `mean` are exact to the
/// nanosecond. Durations above an hour count as an hour.
public struct LatencySummary: Sendable, Hashable {
    /// How many durations were recorded (all of them, not only those still in a ring buffer).
    public var count: Int
    /// How many of them were failures.
    public var failures: Int
    /// The median.
    public var p50: Duration
    /// The 95th percentile.
    public var p95: Duration
    /// The 99th percentile.
    public var p99: Duration
    /// The longest duration recorded.
    public var max: Duration
    /// The arithmetic mean.
    public var mean: Duration

    /// Creates a summary.
    /// - Parameters:
    ///   - count: how many durations were recorded.
    ///   - failures: how many of them were failures.
    ///   - p50: the median.
    ///   - p95: the 95th percentile.
    ///   - p99: the 99th percentile.
    ///   - max: the longest.
    ///   - mean: the mean.
    public init(
        count: Int, failures: Int,
        p50: Duration, p95: Duration, p99: Duration, max: Duration, mean: Duration
    ) {
        self.count = count
        self.failures = failures
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.mean = mean
    }

    /// The summary of nothing recorded: every number zero.
    public static let empty = LatencySummary(
        count: 0, failures: 0, p50: .zero, p95: .zero, p99: .zero, max: .zero, mean: .zero
    )

    /// The summary as JSON: `count`, `failures`, and `p50Microseconds`, `p95Microseconds`,
    /// `p99Microseconds`, `maxMicroseconds`, `meanMicroseconds` as numbers.
    public var json: JSONValue {
        [
            "count": .number(Double(count)),
            "failures": .number(Double(failures)),
            "p50Microseconds": .number(p50.microseconds),
            "p95Microseconds": .number(p95.microseconds),
            "p99Microseconds": .number(p99.microseconds),
            "maxMicroseconds": .number(max.microseconds),
            "meanMicroseconds": .number(mean.microseconds),
        ]
    }
}

/// One row of the report: a median, the floor it is compared with, and the target it must meet.
struct BenchmarkResult {
    /// What a row measured.
    enum Quantity {
        case time(Samples)
        case bytes([Int])
        /// A dimensionless factor per round (a speed-up), shown as `1.93×`.
        case factor([Double])
    }

    /// Which statistic of the samples a timed row shows.
    enum Statistic: Equatable {
        case median
        /// The nearest-rank percentile, such as 99.
        case percentile(Int)
    }

    /// What a row must meet; rows without one are reported only.
    enum Target {
        /// At most this multiple of the floor median of the same run.
        case ratioAtMost(Double)
        /// A median of at most this long.
        case timeAtMost(Duration)
        /// A median below this many bytes.
        case bytesBelow(Int)
    }

    var measurement: String
    /// The number of bundles, when it matters.
    var size: Int?
    var quantity: Quantity
    /// The floor's median for the same size, for rows compared with it.
    var floor: Duration?
    var target: Target?
    var note: String?
    /// What `median` reports for a timed row (the median unless said otherwise).
    var statistic = Statistic.median

    var runs: Int {
        switch quantity {
        case .time(let samples): samples.count
        case .bytes(let values): values.count
        case .factor(let values): values.count
        }
    }

    /// The median over the runs (or the percentile `statistic` asks for).
    var median: Double {
        switch quantity {
        case .time(let samples):
            switch statistic {
            case .median: samples.median.seconds
            case .percentile(let percent): samples.percentile(percent).seconds
            }
        case .bytes(let values): Self.median(of: values.map(Double.init))
        case .factor(let values): Self.median(of: values)
        }
    }

    /// The middle value, or the mean of the two middle values for an even count.
    static func median(of values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The median CPU time (every thread of the process), for timed rows.
    var cpuMedian: Duration? {
        guard case .time(let samples) = quantity, statistic == .median else { return nil }
        return samples.medianCPU
    }

    /// Median / floor median.
    var ratio: Double? {
        guard let floor, case .time = quantity, floor > .zero else { return nil }
        return median / floor.seconds
    }

    /// Whether the target is met; `nil` for rows without one.
    var isPassing: Bool? {
        switch target {
        case nil: nil
        case .ratioAtMost(let limit): ratio.map { $0 <= limit } ?? false
        case .timeAtMost(let limit): median <= limit.seconds
        case .bytesBelow(let limit): median < Double(limit)
        }
    }

    /// `PASS`, `MISS` or `-`.
    var verdict: String {
        switch isPassing {
        case nil: "-"
        case true?: "PASS"
        case false?: "MISS"
        }
    }
}

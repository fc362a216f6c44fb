/// The samples of one measurement, each already divided by the operations it timed.
struct Samples {
    /// Wall times, shortest first.
    let sorted: [Duration]
    /// CPU times, shortest first (not paired with `sorted`).
    let sortedCPU: [Duration]

    init(_ timings: [Timing]) {
        precondition(!timings.isEmpty, "a measurement needs at least one sample")
        sorted = timings.map(\.wall).sorted()
        sortedCPU = timings.map(\.cpu).sorted()
    }

    /// Wall times only, for durations the factory measured itself (the phases of an
    /// instantiation): no CPU time goes with them.
    init(wallTimes: [Duration]) {
        precondition(!wallTimes.isEmpty, "a measurement needs at least one sample")
        sorted = wallTimes.sorted()
        sortedCPU = []
    }

    /// Wall times of single operations timed one by one, with CPU times that were taken apart
    /// (over batches of them, divided): the two lists need not be as long.
    init(wallTimes: [Duration], cpuTimes: [Duration]) {
        precondition(!wallTimes.isEmpty, "a measurement needs at least one sample")
        sorted = wallTimes.sorted()
        sortedCPU = cpuTimes.sorted()
    }

    private init(sorted: [Duration], sortedCPU: [Duration]) {
        self.sorted = sorted
        self.sortedCPU = sortedCPU
    }

    /// Every sample divided by `count` (per bundle instead of per scan).
    func divided(by count: Int) -> Samples {
        Samples(sorted: sorted.map { $0 / count }, sortedCPU: sortedCPU.map { $0 / count })
    }

    /// The median wall time (the mean of the two middle samples for an even count).
    var median: Duration { Self.median(sorted) }
    /// The median CPU time, when CPU times were taken.
    var medianCPU: Duration? { sortedCPU.isEmpty ? nil : Self.median(sortedCPU) }

    /// The nearest-rank percentile of the wall times: `percentile(99)` is the time 99 % of the
    /// samples did not exceed.
    func percentile(_ percent: Int) -> Duration {
        let rank = (Double(percent) / 100 * Double(sorted.count)).rounded(.up)
        return sorted[min(sorted.count - 1, max(0, Int(rank) - 1))]
    }

    var minimum: Duration { sorted[0] }
    var maximum: Duration { sorted[sorted.count - 1] }
    var count: Int { sorted.count }

    private static func median(_ sorted: [Duration]) -> Duration {
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

import PlannerFactory

/// `recordSelection` into a `TelemetryManager` of capacity 1000 whose ring is full (the steady
/// state: every append overwrites the oldest record). One sample is a batch; the harness divides.
final class TelemetryMeasurement: Measurement {
    let manager = TelemetryManager(capacity: 1000)
    let operationsPerSample: Int
    /// 1024 records with different durations, so the histogram sees different buckets.
    private let records: [SelectionRecord]

    init(batch: Int) {
        operationsPerSample = batch
        records = (0..<1024).map { index in
            SelectionRecord(
                timestamp: 1_767_225_600 + Double(index), objective: RankingMeasurement.objective,
                capabilities: ["grid-route", "drone-3d", "road-anytime", "arm-opt", "sea-static"],
                candidateCount: 10_000, winner: "p0\(index % 10)042", error: nil,
                duration: .nanoseconds(20_000 + index * 37))
        }
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let manager = manager
        let records = records
        let batch = operationsPerSample
        return try Stopwatch.measure {
            for index in 0..<batch { manager.recordSelection(records[index & 1023]) }
        }
    }
}

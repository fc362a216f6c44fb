import PlannerFactory

/// `recordSelection` into a `TelemetryManager` of capacity 1000 whose ring is full (the steady
/// state: every append overwrites the oldest record). One sample is a batch; the harness divides.
///
/// Two ways to hand records in: *moved* — each record is built beforehand (untimed) and handed
/// over, as a caller that makes a record and records it does; *copied* — each call copies one of
/// 1024 shared records out of an array, which adds the harness's own copy (three reference-count
/// increments on this record type) to every append.
final class TelemetryMeasurement: Measurement {
    enum Handoff: Sendable { case moved, copied }

    let manager = TelemetryManager(capacity: 1000)
    let operationsPerSample: Int
    let handoff: Handoff
    /// 1024 records with different durations, so the histogram sees different buckets.
    private let records: [SelectionRecord]

    init(batch: Int, handoff: Handoff) {
        operationsPerSample = batch
        self.handoff = handoff
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
        let batch = operationsPerSample
        switch handoff {
        case .copied:
            let records = records
            return try Stopwatch.measure {
                for index in 0..<batch { manager.recordSelection(records[index & 1023]) }
            }
        case .moved:
            var pending = (0..<batch).map { records[$0 & 1023] }  // untimed
            return try Stopwatch.measure {
                while let record = pending.popLast() { manager.recordSelection(record) }
            }
        }
    }
}

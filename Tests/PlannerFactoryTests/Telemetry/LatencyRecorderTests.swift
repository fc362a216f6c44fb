import Testing
@testable import PlannerFactory

@Suite struct LatencyRecorderTests {
    /// Deterministic pseudo-random durations (xorshift), spread over several orders of magnitude.
    private static func durations(count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let magnitude = state % 10  // 1 ns … 10 s
            var scale: UInt64 = 1
            for _ in 0..<magnitude { scale *= 10 }
            return (state >> 8) % (scale * 9) + 1
        }
    }

    /// The histogram's buckets are made at the first value: a recorder that never recorded, or was
    /// reset before it did, summarizes as empty and then records as any other.
    @Test func aRecorderThatNeverRecordedIsEmptyAndRecordsAfterAReset() {
        var recorder = LatencyRecorder()
        #expect(recorder.summary() == .empty)
        #expect(recorder.percentiles() == (0, 0, 0))
        recorder.reset()
        #expect(recorder.summary() == .empty)
        for nanoseconds: UInt64 in [1_000, 2_000, 3_000] { recorder.record(nanoseconds: nanoseconds, isFailure: false) }
        let summary = recorder.summary()
        #expect(summary.count == 3)
        #expect(summary.p50 >= .nanoseconds(2_000) && summary.p50 <= .nanoseconds(2_002))
        #expect(summary.max == .nanoseconds(3_000))
        recorder.reset()
        #expect(recorder.summary() == .empty)
        recorder.record(nanoseconds: 5, isFailure: true)
        #expect(recorder.summary().p99 == .nanoseconds(5))
        #expect(recorder.summary().failures == 1)
    }

    /// Percentiles are the exact order statistics to within the histogram's 0.1% resolution,
    /// never below them and never above the largest value.
    @Test(arguments: [(1, UInt64(1)), (2, 7), (99, 42), (100, 9), (1_001, 12_345), (20_000, 777)])
    func percentilesMatchExactOrderStatisticsWithinResolution(count: Int, seed: UInt64) {
        var recorder = LatencyRecorder()
        let values = Self.durations(count: count, seed: seed)
        for nanoseconds in values {
            recorder.record(nanoseconds: nanoseconds, isFailure: false)
        }
        let sorted = values.sorted()
        func exact(_ percentile: Double) -> UInt64 {
            let rank = max(1, Int((percentile.nextDown * Double(count) / 100).rounded(.up)))
            return sorted[rank - 1]
        }
        let measured = recorder.percentiles()
        for (value, percentile) in [(measured.p50, 50.0), (measured.p95, 95), (measured.p99, 99)] {
            let truth = exact(percentile)
            #expect(value >= truth && value <= truth + truth / 1024 + 1, "p\(percentile): \(value) vs \(truth)")
            #expect(value <= sorted.last ?? 0)
        }
    }

    @Test(arguments: [UInt64(0), 1, 2047, 2048, 2049, 4095, 4096, 1_000_000, 3_600_000_000_000])
    func everyValueLandsInASlotThatHoldsIt(value: UInt64) {
        let slot = LatencyHistogram.slot(of: value)
        let highest = LatencyHistogram.highestValue(inSlot: slot)
        #expect(highest >= value && highest - value <= value / 1024)
        #expect(slot == 0 || LatencyHistogram.highestValue(inSlot: slot - 1) < value)
    }

    @Test func summaryFollowsNewRecords() {
        var recorder = LatencyRecorder()
        recorder.record(nanoseconds: 1_000, isFailure: false)
        #expect(recorder.summary().max == .nanoseconds(1_000))
        recorder.record(nanoseconds: 5_000, isFailure: true)
        let summary = recorder.summary()
        #expect(summary.count == 2)
        #expect(summary.failures == 1)
        #expect(summary.max == .nanoseconds(5_000))
        #expect(summary.mean == .nanoseconds(3_000))
        recorder.reset()
        #expect(recorder.summary() == .empty)
    }

    @Test(arguments: [
        (Duration.zero, UInt64(0)),
        (.nanoseconds(-5), 0),
        (.seconds(-2), 0),
        (.nanoseconds(1), 1),
        (.microseconds(1.5), 1_500),
        (.seconds(12), 12_000_000_000),
        (.seconds(3_600), 3_600_000_000_000),
        (.seconds(3_601), 3_600_000_000_000),
        (.seconds(Int64.max), 3_600_000_000_000),
    ])
    func clampsDurationsToTheTrackableRange(duration: Duration, nanoseconds: UInt64) {
        #expect(LatencyRecorder.clampedNanoseconds(duration) == nanoseconds)
    }
}

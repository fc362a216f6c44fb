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

    @Test(arguments: [(1, UInt64(1)), (2, 7), (99, 42), (100, 9), (1_001, 12_345), (20_000, 777)])
    func onePassPercentilesMatchTheHistogram(count: Int, seed: UInt64) {
        var recorder = LatencyRecorder()
        for nanoseconds in Self.durations(count: count, seed: seed) {
            recorder.record(nanoseconds: nanoseconds, isFailure: false)
        }
        let fast = recorder.percentiles()
        let reference = recorder.percentilesByScanning()
        #expect(fast.p50 == reference.p50)
        #expect(fast.p95 == reference.p95)
        #expect(fast.p99 == reference.p99)
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

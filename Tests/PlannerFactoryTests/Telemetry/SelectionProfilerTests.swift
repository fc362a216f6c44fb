import Testing
import PlannerFactory

@Suite struct SelectionProfilerTests {
    @Test func percentilesOfOneToHundredMicroseconds() {
        let profiler = SelectionProfiler(capacity: 10)
        var generator = SystemRandomNumberGenerator()
        for micros in (1...100).shuffled(using: &generator) {
            profiler.record(TelemetryFixtures.selection(.microseconds(micros)))
        }
        let summary = profiler.summary()
        #expect(summary.count == 100)
        #expect(summary.failures == 0)
        #expect(TelemetryFixtures.isClose(summary.p50, to: .microseconds(50)))
        #expect(TelemetryFixtures.isClose(summary.p95, to: .microseconds(95)))
        #expect(TelemetryFixtures.isClose(summary.p99, to: .microseconds(99)))
        #expect(summary.max == .microseconds(100))
        #expect(summary.mean == .nanoseconds(50_500))
    }

    @Test func smallValuesAreExact() {
        let profiler = SelectionProfiler(capacity: 4)
        for nanos in 1...1_000 { profiler.record(TelemetryFixtures.selection(.nanoseconds(nanos))) }
        let summary = profiler.summary()
        #expect(summary.p50 == .nanoseconds(500))
        #expect(summary.p95 == .nanoseconds(950))
        #expect(summary.p99 == .nanoseconds(990))
        #expect(summary.max == .nanoseconds(1_000))
    }

    @Test func countsEveryRecordButKeepsOnlyCapacity() {
        let profiler = SelectionProfiler(capacity: 3)
        for index in 0..<10 {
            profiler.record(TelemetryFixtures.selection(.microseconds(10), candidateCount: index))
        }
        #expect(profiler.summary().count == 10)
        #expect(profiler.recent(limit: 100).map(\.candidateCount) == [9, 8, 7])
        #expect(profiler.recent(limit: 2).map(\.candidateCount) == [9, 8])
        #expect(profiler.capacity == 3)
    }

    @Test func countsFailures() {
        let profiler = SelectionProfiler(capacity: 8)
        profiler.record(TelemetryFixtures.selection(.microseconds(5)))
        profiler.record(TelemetryFixtures.selection(.microseconds(7), error: "No planner offers 'flight'."))
        profiler.record(TelemetryFixtures.selection(.microseconds(9), error: "No planner is active."))
        let summary = profiler.summary()
        #expect(summary.count == 3)
        #expect(summary.failures == 2)
        #expect(profiler.recent(limit: 1).first?.winner == nil)
    }

    @Test func clampsDurationsOutsideTheTrackableRange() {
        let profiler = SelectionProfiler(capacity: 4)
        profiler.record(TelemetryFixtures.selection(.seconds(7_200)))
        profiler.record(TelemetryFixtures.selection(.seconds(-1)))
        let summary = profiler.summary()
        #expect(summary.count == 2)
        #expect(summary.max == .seconds(3_600))
        #expect(summary.mean == .seconds(1_800))
        #expect(profiler.recent(limit: 2).first?.duration == .seconds(-1))
    }

    @Test func emptyAndResetSummariesAreZero() {
        let profiler = SelectionProfiler(capacity: 4)
        #expect(profiler.summary() == .empty)
        profiler.record(TelemetryFixtures.selection(.microseconds(5), error: "boom"))
        profiler.reset()
        #expect(profiler.summary() == .empty)
        #expect(profiler.recent(limit: 10).isEmpty)
        profiler.record(TelemetryFixtures.selection(.microseconds(8)))
        #expect(profiler.summary().count == 1)
        #expect(profiler.summary().max == .microseconds(8))
    }
}

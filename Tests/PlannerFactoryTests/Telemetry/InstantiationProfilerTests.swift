import Testing
import PlannerFactory

@Suite struct InstantiationProfilerTests {
    @Test func summarisesTotalDurations() {
        let profiler = InstantiationProfiler(capacity: 4)
        profiler.record(TelemetryFixtures.instantiation(probe: .microseconds(100), load: .microseconds(20), create: .microseconds(5)))
        profiler.record(TelemetryFixtures.instantiation(probe: .microseconds(300), load: .microseconds(40), create: .microseconds(15)))
        let summary = profiler.summary()
        #expect(summary.count == 2)
        #expect(summary.max == .microseconds(355))
        #expect(summary.mean == .microseconds(240))
        #expect(TelemetryFixtures.isClose(summary.p50, to: .microseconds(125)))
    }

    @Test func summarisesEachPhase() {
        let profiler = InstantiationProfiler(capacity: 4)
        for micros in 1...10 {
            profiler.record(TelemetryFixtures.instantiation(
                probe: .microseconds(micros * 100), load: .microseconds(micros), create: .nanoseconds(micros)
            ))
        }
        let phases = profiler.phaseSummaries()
        #expect(Set(phases.keys) == ["probe", "load", "create"])
        #expect(phases["probe"]?.count == 10)
        #expect(phases["probe"]?.max == .milliseconds(1))
        #expect(phases["load"]?.mean == .nanoseconds(5_500))
        #expect(phases["create"]?.p50 == .nanoseconds(5))
    }

    @Test func countsFailuresButNotCachedInstances() {
        let profiler = InstantiationProfiler(capacity: 4)
        profiler.record(TelemetryFixtures.instantiation(outcome: .success))
        profiler.record(TelemetryFixtures.instantiation(outcome: .cached))
        profiler.record(TelemetryFixtures.instantiation(outcome: .failure("create returned NULL")))
        #expect(profiler.summary().count == 3)
        #expect(profiler.summary().failures == 1)
        #expect(profiler.phaseSummaries()["create"]?.failures == 1)
        #expect(profiler.recent(limit: 3).map(\.outcome) == [.failure("create returned NULL"), .cached, .success])
    }

    @Test func tracksABoundedNumberOfPhaseNames() {
        let profiler = InstantiationProfiler(capacity: 2)
        for index in 0..<40 {
            profiler.record(InstantiationRecord(
                planner: "p", phases: [.init(name: "phase-\(index)", duration: .microseconds(1))], outcome: .success
            ))
        }
        #expect(profiler.phaseSummaries().count == 16)
        #expect(profiler.summary().count == 40)
    }

    @Test func capacityOneKeepsTheNewest() {
        let profiler = InstantiationProfiler(capacity: 1)
        profiler.record(TelemetryFixtures.instantiation(planner: "first"))
        profiler.record(TelemetryFixtures.instantiation(planner: "second"))
        #expect(profiler.recent(limit: 10).map(\.planner) == ["second"])
        #expect(profiler.summary().count == 2)
    }

    @Test func resetForgetsPhases() {
        let profiler = InstantiationProfiler(capacity: 4)
        profiler.record(TelemetryFixtures.instantiation())
        profiler.reset()
        #expect(profiler.phaseSummaries().isEmpty)
        #expect(profiler.summary() == .empty)
        #expect(profiler.recent(limit: 4).isEmpty)
    }
}

import Testing
@testable import PlannerFactory
import PlannerKit

@Suite struct TelemetryRecordTests {
    @Test func selectionJSON() {
        let record = TelemetryFixtures.selection(.nanoseconds(42_500))
        #expect(record.json == [
            "timestamp": 1_700_000_000.25,
            "objective": "route from 0,0 to 3,3",
            "capabilities": ["grid", "2d"],
            "candidateCount": 3,
            "winner": "astar",
            "error": nil,
            "durationMicroseconds": 42.5,
        ])
        #expect(!record.isFailure)
    }

    @Test func failedSelectionJSON() {
        let record = TelemetryFixtures.selection(.milliseconds(2), error: "No planner is active.")
        #expect(record.isFailure)
        #expect(record.json["winner"] == .null)
        #expect(record.json["error"] == "No planner is active.")
        #expect(record.json["durationMicroseconds"] == 2_000)
    }

    @Test func instantiationTotalsItsPhases() {
        let record = TelemetryFixtures.instantiation(probe: .milliseconds(3), load: .microseconds(500), create: .microseconds(80))
        #expect(record.totalDuration == .microseconds(3_580))
        #expect(InstantiationRecord(planner: "p", phases: [], outcome: .cached).totalDuration == .zero)
    }

    @Test func instantiationJSON() {
        let record = TelemetryFixtures.instantiation(outcome: .failure("create returned NULL"))
        #expect(record.json == [
            "timestamp": 1_700_000_000.5,
            "planner": "astar",
            "phases": [
                ["name": "probe", "durationMicroseconds": 3_000],
                ["name": "load", "durationMicroseconds": 500],
                ["name": "create", "durationMicroseconds": 80],
            ],
            "outcome": "failure",
            "error": "create returned NULL",
            "totalDurationMicroseconds": 3_580,
        ])
        #expect(TelemetryFixtures.instantiation(outcome: .cached).json["outcome"] == "cached")
        #expect(TelemetryFixtures.instantiation(outcome: .success).json["error"] == .null)
    }

    @Test func timestampsDefaultToTheWallClock() {
        let before = WallClock.now()
        let record = SelectionRecord(objective: "x", candidateCount: 0, duration: .zero)
        let after = WallClock.now()
        #expect(before > 1_600_000_000)
        #expect(record.timestamp >= before)
        #expect(record.timestamp <= after)
    }

    @Test func summaryJSONIsInMicroseconds() {
        let summary = LatencySummary(
            count: 7, failures: 2, p50: .microseconds(10), p95: .nanoseconds(20_500), p99: .microseconds(30),
            max: .milliseconds(1), mean: .microseconds(12)
        )
        #expect(summary.json == [
            "count": 7, "failures": 2, "p50Microseconds": 10, "p95Microseconds": 20.5, "p99Microseconds": 30,
            "maxMicroseconds": 1_000, "meanMicroseconds": 12,
        ])
    }
}

import Testing
import PlannerFactory
import PlannerKit

@Suite struct TelemetryManagerTests {
    @Test func recordsIntoBothProfilers() {
        let telemetry = TelemetryManager(capacity: 8)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(12)))
        telemetry.recordInstantiation(TelemetryFixtures.instantiation())
        let snapshot = telemetry.snapshot()
        #expect(snapshot.capacity == 8)
        #expect(snapshot.selection.count == 1)
        #expect(snapshot.instantiation.count == 1)
        #expect(snapshot.recentSelections.count == 1)
        #expect(snapshot.recentInstantiations.count == 1)
        #expect(snapshot.instantiationPhases["load"]?.count == 1)
        #expect(telemetry.selections.summary().count == 1)
    }

    @Test func pausedManagersDropAndCountRecords() {
        let telemetry = TelemetryManager(capacity: 8)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(1)))
        telemetry.setPaused(true)
        #expect(telemetry.isPaused)
        for _ in 0..<3 { telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(2))) }
        for _ in 0..<2 { telemetry.recordInstantiation(TelemetryFixtures.instantiation()) }
        #expect(telemetry.droppedWhilePaused == 5)
        #expect(telemetry.selections.summary().count == 1)
        #expect(telemetry.instantiations.summary().count == 0)
        #expect(telemetry.snapshot().isPaused)

        telemetry.setPaused(false)
        #expect(!telemetry.isPaused)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(3)))
        #expect(telemetry.selections.summary().count == 2)
        #expect(telemetry.snapshot().droppedWhilePaused == 5)
    }

    @Test func resetForgetsEverythingButThePause() {
        let telemetry = TelemetryManager(capacity: 4)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(1)))
        telemetry.recordInstantiation(TelemetryFixtures.instantiation())
        telemetry.setPaused(true)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(1)))
        telemetry.reset()
        let snapshot = telemetry.snapshot()
        #expect(snapshot.selection == .empty)
        #expect(snapshot.instantiation == .empty)
        #expect(snapshot.recentSelections.isEmpty)
        #expect(snapshot.recentInstantiations.isEmpty)
        #expect(snapshot.instantiationPhases.isEmpty)
        #expect(snapshot.droppedWhilePaused == 0)
        #expect(snapshot.isPaused)
    }

    @Test func snapshotJSONHasEveryKey() throws {
        let telemetry = TelemetryManager(capacity: 4)
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(12)))
        telemetry.recordSelection(TelemetryFixtures.selection(.microseconds(20), error: "No planner offers 'flight'."))
        telemetry.recordInstantiation(TelemetryFixtures.instantiation(outcome: .failure("create returned NULL")))
        let json = telemetry.snapshot().json

        #expect(Set(try #require(json.objectValue).keys) == [
            "capacity", "isPaused", "droppedWhilePaused", "selection", "instantiation",
            "instantiationPhases", "recentSelections", "recentInstantiations", "planCall", "recentPlanCalls",
        ])
        #expect(json["capacity"] == 4)
        #expect(json["isPaused"] == false)
        let selection = try #require(json["selection"]?.objectValue)
        #expect(Set(selection.keys) == [
            "count", "failures", "p50Microseconds", "p95Microseconds", "p99Microseconds",
            "maxMicroseconds", "meanMicroseconds",
        ])
        #expect(selection["count"] == 2)
        #expect(selection["failures"] == 1)
        #expect(selection["maxMicroseconds"] == 20)
        #expect(selection["meanMicroseconds"] == 16)
        #expect(json["instantiation"]?["failures"] == 1)
        #expect(json["instantiationPhases"]?["probe"]?["maxMicroseconds"] == 3_000)

        let recent = try #require(json["recentSelections"]?.arrayValue)
        #expect(recent.count == 2)
        #expect(recent.first?["error"] == "No planner offers 'flight'.")
        #expect(recent.last?["winner"] == "astar")
        #expect(json["recentInstantiations"]?.arrayValue?.first?["outcome"] == "failure")

        #expect(try JSONValue(parsing: json.serialized(pretty: true)) == json)
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// Registry changes as live events: a probe result, a quarantine, a release, other status changes.
struct RegistryBaselineTests {
    static func record(_ name: String, _ status: PlannerStatus, reason: String? = nil, since: Double? = nil) -> PlannerRecord {
        var record = PlannerRecord(builtin: PlannerDescriptor(name: name, version: "1.0.0"))
        record.status = status
        record.reason = reason
        record.quarantinedSince = since
        return record
    }

    static func types(_ events: [LiveEvent]) -> [String] {
        events.map { $0.json(sequence: 1)["type"]?.stringValue ?? "?" }
    }

    @Test func statusChangesBecomeProbeQuarantineReleaseAndStatusEvents() throws {
        var baseline = RegistryBaseline()
        baseline.reset(generation: 1, records: [
            Self.record("passes", .pending), Self.record("fails", .pending), Self.record("sick", .active),
            Self.record("released", .quarantined, since: 1), Self.record("gone", .active),
        ])
        let events = baseline.changes(to: [
            Self.record("passes", .active), Self.record("fails", .quarantined, reason: "SIGSEGV", since: 2),
            Self.record("sick", .quarantined, reason: "3 faults", since: 3), Self.record("released", .pending),
            Self.record("new", .active),
        ], at: 10)
        #expect(Self.types(events) == ["probe", "probe", "quarantine", "quarantine", "release", "status", "status"])
        let json = events.map { $0.json(sequence: 1) }
        #expect(json[0]["planner"] == "passes" && json[0]["outcome"] == "passed")
        #expect(json[1]["planner"] == "fails" && json[1]["outcome"] == "failed" && json[1]["reason"] == "SIGSEGV")
        #expect(json[3]["planner"] == "sick" && json[3]["record"]?["status"] == "quarantined")
        #expect(json[4]["planner"] == "released" && json[4]["from"] == "quarantined" && json[4]["status"] == "pending")
        #expect(json[5]["planner"] == "new" && json[5]["from"] == .null && json[5]["removed"] == false)
        #expect(json[6]["planner"] == "gone" && json[6]["removed"] == true)
        #expect(json.allSatisfy { $0["timestamp"] == 10 })
    }

    @Test func aRequarantineIsAnEventAndNothingElseIsOne() throws {
        var baseline = RegistryBaseline()
        baseline.reset(generation: 1, records: [Self.record("q", .quarantined, reason: "x", since: 1), Self.record("a", .active)])
        #expect(baseline.changes(to: [Self.record("q", .quarantined, reason: "x", since: 1), Self.record("a", .active)], at: 2).isEmpty)
        #expect(Self.types(baseline.changes(to: [Self.record("q", .quarantined, reason: "x", since: 5), Self.record("a", .active)], at: 6))
            == ["quarantine"])
    }

    @Test func anOlderRegistryThanTheLastIsIgnored() throws {
        let stream = LiveEventStream(capacity: 16)
        let position = stream.subscribe()
        stream.resetRegistry(generation: 5, records: [Self.record("a", .pending)])
        stream.registryChanged(generation: 4, records: [Self.record("a", .active)])
        #expect(stream.read(from: position, limit: 10).events.isEmpty)
        stream.registryChanged(generation: 6, records: [Self.record("a", .active)])
        #expect(stream.read(from: position, limit: 10).events.map { $0.1.type } == ["probe"])
    }
}

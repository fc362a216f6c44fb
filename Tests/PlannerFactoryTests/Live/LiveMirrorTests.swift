import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// Another process's factory rebuilt from its live stream: records read back from their JSON,
/// a mirror of a real publishing factory, and lines that do not have their form.
struct LiveMirrorTests {
    @Test func recordsReadBackFromTheirJSONAsTheyWere() throws {
        var record = PlannerRecord(
            name: "route", version: "2.1.0", kind: .dylib, status: .quarantined, reason: "crashed: SIGSEGV", summary: "Routes",
            capabilities: ["grid", "route"], keywords: ["path"], rank: 7, boosts: ["fast": 1.5], path: "/p/route", library: "libroute.so",
            fingerprint: Fingerprint(value: 0x0123_4567_89ab_cdef), warnings: ["unknown field \"x\""], unknownFields: ["x": 1],
            isThreadSafe: true, quarantinedSince: 1_764_700_000.125, probeSeconds: 0.25)
        record.command = ["bin/route", "--fast"]
        record.environment = ["MODE": "fast"]
        record.requiresProcessIsolation = true
        #expect(try PlannerRecord(json: record.json) == record)
        let reparsed = try JSONValue(parsing: record.json.serialized())
        #expect(try PlannerRecord(json: reparsed) == record, "through text too")

        let selection = SelectionRecord(timestamp: 1_764_700_000.5, objective: "go", capabilities: ["grid"], candidateCount: 3,
                                        winner: nil, error: "none fits", duration: .nanoseconds(42_500))
        #expect(try SelectionRecord(json: selection.json) == selection)
        let made = InstantiationRecord(timestamp: 3, planner: "route", phases: [.init(name: "load", duration: .microseconds(80))],
                                       outcome: .failure("no"))
        #expect(try InstantiationRecord(json: made.json) == made)
        let call = PlanCallRecord(timestamp: 4, planner: "route", workerPID: 99, duration: .milliseconds(3), outcome: "unsolvable", error: "no plan")
        #expect(try PlanCallRecord(json: call.json) == call)
    }

    @Test func aMirrorOfAPublishingFactoryHasItsPlannersTelemetryAndRankings() throws {
        let root = try TemporaryFolder()
        let factory = root.factory([], minimumMatch: 0.5, builtins: [
            .stub("echo", capabilities: ["echo"]), .stub("route", capabilities: ["grid", "route"], rank: 3), .stub("maze", capabilities: ["grid"]),
        ])
        for number in 0..<5 { _ = try factory.selectBestPlanner(objective: "before \(number)", capabilities: ["grid"]) }
        let connection = try LiveConnection(try factory.startPublishing())
        let mirror = LiveMirror()
        mirror.start(hello: connection.hello)
        #expect(try mirror.apply(try connection.snapshot()) == [.planners, .telemetry])
        #expect(mirror.planners() == factory.planners())
        #expect(mirror.minimumMatch == 0.5)
        #expect(mirror.telemetry().selection == factory.telemetry.selections.summary(), "before any event: the publisher's own figures")

        _ = try factory.selectBestPlanner(objective: "after", capabilities: ["grid", "route"])
        _ = try? factory.selectBestPlanner(objective: "none", capabilities: ["warp"])
        for line in try connection.read(until: { $0["objective"] == "none" }) { try mirror.apply(line) }
        let telemetry = mirror.telemetry()
        #expect(telemetry.selection.count == 7 && telemetry.selection.failures == 1)
        #expect(telemetry.recentSelections.prefix(2).map(\.objective) == ["none", "after"])
        #expect(mirror.eventCounts.received == 2)

        for capabilities in [["grid"], ["grid", "route"], ["echo", "grid"], []] {
            let local = mirror.rank(objective: "route a grid", capabilities: capabilities)
            let remote = factory.rank(objective: "route a grid", capabilities: capabilities)
            #expect(local.candidates(in: 0..<local.count).map(\.name) == remote.candidates(in: 0..<remote.count).map(\.name))
            #expect(local.winner(explain: false)?.name == remote.winner(explain: false)?.name)
        }
    }

    @Test func statusEventsChangeTheRegistryAndItsRankings() throws {
        let mirror = try Self.mirror(records: [PlannerRecord(builtin: Self.descriptor("a", rank: 5)), PlannerRecord(builtin: Self.descriptor("b", rank: 1))])
        #expect(mirror.rank().winner(explain: false)?.name == "a")
        var quarantined = mirror.planners()[0]
        quarantined.status = .quarantined
        quarantined.reason = "crashed: SIGSEGV"
        #expect(try mirror.apply(LiveEvent.quarantine(quarantined, at: 1).json(sequence: 1)) == .planners)
        #expect(mirror.planners()[0].status == .quarantined)
        #expect(mirror.rank().winner(explain: false)?.name == "b", "a quarantined planner is not selected")
        let added = PlannerRecord(builtin: Self.descriptor("c", rank: 9))
        try mirror.apply(LiveEvent.status(added, from: nil, isRemoved: false, at: 2).json(sequence: 2))
        #expect(mirror.rank().winner(explain: false)?.name == "c")
        try mirror.apply(LiveEvent.status(added, from: .active, isRemoved: true, at: 3).json(sequence: 3))
        #expect(mirror.planners().map(\.name) == ["a", "b"])
    }

    @Test func linesWithoutTheirFormAreRefusedNamingTheMemberAndChangeNothing() throws {
        let mirror = try Self.mirror(records: [])
        var line = SelectionRecord(objective: "x", candidateCount: 1, duration: .microseconds(3)).json.objectValue ?? [:]
        line["type"] = "selection"
        line["durationMicroseconds"] = "fast"
        #expect { try mirror.apply(.object(line)) } throws: { error in
            (error as? DataFormatError)?.message.contains("\"durationMicroseconds\", a number (it is a string)") == true
        }
        #expect(mirror.telemetry().selection.count == 0)
        #expect(throws: DataFormatError.self) { try mirror.apply(["type": "quarantine", "record": ["name": "x"]]) }
        #expect(try mirror.apply(["type": "a-newer-kind"]) == [], "unknown types are skipped")
        #expect(try mirror.apply(["type": "dropped", "count": 12, "totalDropped": 12]) == .telemetry, "shown with the telemetry")
        #expect(mirror.eventCounts.dropped == 12)
        #expect(try mirror.apply(["type": "closing"]) == .closing)
    }

    @Test func theSnapshotsCountsGoOnWithEveryEventAndItsPercentilesCoverTheRecentRecords() throws {
        var telemetry = TelemetrySnapshot(capacity: 8)
        telemetry.selection = LatencySummary(count: 1000, failures: 10, p50: .microseconds(5), p95: .microseconds(9),
                                             p99: .microseconds(900), max: .milliseconds(40), mean: .microseconds(6))
        telemetry.recentSelections = [SelectionRecord(objective: "old", candidateCount: 1, winner: "a", duration: .microseconds(5))]
        let mirror = try Self.mirror(records: [], telemetry: telemetry)
        for number in 0..<3 {
            var line = SelectionRecord(objective: "new \(number)", candidateCount: 1, error: "none", duration: .microseconds(100)).json.objectValue ?? [:]
            line["type"] = "selection"
            try mirror.apply(.object(line))
        }
        let summary = mirror.telemetry().selection
        #expect(summary.count == 1003 && summary.failures == 13)
        #expect(summary.max == .milliseconds(40), "the publisher's maximum stays")
        #expect(summary.p50 >= .microseconds(99), "percentiles over the recent record and the events since")
    }

    @Test func twoBuiltinsOfOneNameStayTwoRecordsThroughRegistryChanges() throws {
        let root = try TemporaryFolder()
        let factory = root.factory(["plugins"], builtins: [.stub("route", capabilities: ["grid"], rank: 3), .stub("route", capabilities: ["grid"], rank: 1)])
        let connection = try LiveConnection(try factory.startPublishing())
        let mirror = LiveMirror()
        mirror.start(hello: connection.hello)
        try mirror.apply(try connection.snapshot())
        try root.bundle("plugins/maze", name: "maze", capabilities: ["grid"])
        factory.rediscover()
        for line in try connection.read(until: { $0["type"] == "rediscovery" }) { try mirror.apply(line) }
        #expect(mirror.planners().map { "\($0.name) \($0.status)" } == factory.planners().map { "\($0.name) \($0.status)" })
        #expect(mirror.planners().filter { $0.name == "route" }.map(\.status) == [.active, .shadowed])
        #expect(mirror.rank(capabilities: ["grid"]).winner(explain: false)?.name == "route")
    }

    @Test func aSnapshotRecordThatCannotBeReadIsLeftOutAndCounted() throws {
        var record = PlannerRecord(builtin: Self.descriptor("a", rank: 1)).json.objectValue ?? [:]
        record["status"] = "hibernating"
        let mirror = LiveMirror()
        mirror.start(hello: ["type": "hello", "format": 1])
        try mirror.apply([
            "type": "snapshot", "configuration": FactoryConfiguration().json, "telemetry": TelemetrySnapshot(capacity: 8).json,
            "planners": [.object(record), PlannerRecord(builtin: Self.descriptor("b", rank: 1)).json],
        ])
        #expect(mirror.planners().map(\.name) == ["b"])
        #expect(mirror.skippedPlanners.count == 1 && mirror.skippedPlanners.firstReason?.contains("hibernating") == true)
    }

    @Test func numbersOutOfRangeAreRefusedOrBoundedNotTrappedOn() throws {
        let mirror = try Self.mirror(records: [])
        func selection(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
            var line = SelectionRecord(objective: "x", candidateCount: 1, duration: .microseconds(3)).json.objectValue ?? [:]
            line["type"] = "selection"
            change(&line)
            return .object(line)
        }
        #expect(throws: DataFormatError.self) { try mirror.apply(selection { $0["timestamp"] = 1e300 }) }
        #expect(throws: DataFormatError.self) { try mirror.apply(selection { $0["timestamp"] = -5 }) }
        #expect(throws: DataFormatError.self) { try mirror.apply(selection { $0["candidateCount"] = 1e19 }) }
        #expect(throws: DataFormatError.self) { try mirror.apply(selection { $0["durationMicroseconds"] = 1e300 }) }
        var record = PlannerRecord(builtin: Self.descriptor("a", rank: 1)).json.objectValue ?? [:]
        record["probeSeconds"] = 1e11
        #expect(throws: DataFormatError.self) { try PlannerRecord(json: .object(record)) }
        var telemetry = TelemetrySnapshot(capacity: 8).json.objectValue ?? [:]
        telemetry["capacity"] = 1e13
        let big = LiveMirror()
        big.start(hello: ["type": "hello", "format": 1])
        try big.apply(["type": "snapshot", "configuration": FactoryConfiguration().json, "telemetry": .object(telemetry), "planners": []])
        #expect(big.telemetry().capacity == LiveMirror.recentLimit, "a mirror keeps at most its own limit of recent records")
        var summary = LatencySummary.empty.json.objectValue ?? [:]
        summary["count"] = 9_223_372_036_854_774_784
        #expect(throws: DataFormatError.self) { try LatencySummary(json: .object(summary)) }
    }

    static func descriptor(_ name: String, rank: Int) -> PlannerDescriptor {
        PlannerDescriptor(name: name, version: "1.0.0", capabilities: [], rank: rank)
    }

    /// A mirror given a snapshot of these records and telemetry.
    static func mirror(records: [PlannerRecord], telemetry: TelemetrySnapshot = TelemetrySnapshot(capacity: 8)) throws -> LiveMirror {
        let mirror = LiveMirror()
        mirror.start(hello: ["type": "hello", "format": 1])
        try mirror.apply([
            "type": "snapshot", "format": 1, "configuration": FactoryConfiguration().json,
            "planners": .array(records.map(\.json)), "telemetry": telemetry.json,
        ])
        return mirror
    }
}

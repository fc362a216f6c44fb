import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// A factory publishing on its real socket, subscribers in the same process.
struct LivePublisherTests {
    @Test func aSubscriberGetsHelloAndSnapshotThenEveryKindOfEvent() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        _ = try factory.selectBestPlanner(objective: "before", capabilities: ["echo"])
        let endpoint = try factory.startPublishing()
        #expect(factory.liveEndpoint == endpoint)
        #expect(endpoint.socketPath == root.path + "/state/live/\(getpid()).sock")
        let connection = try LiveConnection(endpoint)
        #expect(connection.hello["pid"]?.intValue == Int(getpid()))
        #expect(connection.hello["format"] == 1)
        #expect(connection.hello["planners"] == 1 && connection.hello["selections"] == 1)
        let snapshot = try connection.snapshot()
        #expect(snapshot["planners"]?.arrayValue?.first?["name"] == "echo")
        #expect(snapshot["telemetry"]?["selection"]?["count"] == 1)
        #expect(snapshot["telemetry"]?["recentSelections"]?.arrayValue?.first?["objective"] == "before")
        #expect(snapshot["configuration"]?["FACTORY_STATE_DIR"]?["value"]?.stringValue == root.path + "/state")

        _ = try factory.selectBestPlanner(objective: "first", capabilities: ["echo"])
        _ = try? factory.selectBestPlanner(objective: "none", capabilities: ["nothing-has-this"])
        _ = try factory.plan(Objective(text: "say hello", capabilities: ["echo"]))
        _ = factory.health()
        factory.rediscover()
        let events = try connection.read { $0["type"] == "rediscovery" }
        let types = events.compactMap { $0["type"]?.stringValue }
        #expect(types == ["selection", "selection", "selection", "instantiation", "plan-start", "plan-end", "health", "rediscovery"])
        #expect(events[0]["objective"] == "first" && events[0]["winner"] == "echo")
        #expect(events[1]["winner"] == .null && events[1]["error"]?.stringValue?.contains("nothing-has-this") == true)
        #expect(events[4]["planner"] == "echo" && events[4]["objective"] == "say hello")
        #expect(events[5]["outcome"] == "success")
        #expect(events[6]["status"] == "healthy")
        let sequence = events.compactMap { $0["seq"]?.intValue }
        #expect(sequence == Array(sequence[0]..<(sequence[0] + events.count)), "numbered without gaps")
    }

    @Test func listersThatReadOnlyTheHelloCostNoSnapshot() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        let endpoint = try factory.startPublishing()
        for _ in 0..<5 { #expect(try LiveConnection(endpoint).hello["type"] == "hello") }
        let subscriber = try LiveConnection(endpoint)
        #expect(try subscriber.snapshot()["type"] == "snapshot")
        // A lister hangs up within the publisher's delay (10 ms) unless the machine stalls it;
        // before listers were told apart every connection cost one (6 here).
        #expect(factory.telemetry.live.snapshotsMade <= 3, "listers that hang up after the hello cost no snapshot")
    }

    @Test func eightSubscribersEachGetEveryEvent() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        let endpoint = try factory.startPublishing()
        let connections = try (0..<8).map { _ in try LiveConnection(endpoint) }
        for connection in connections { _ = try connection.snapshot() }
        for number in 0..<50 { _ = try factory.selectBestPlanner(objective: "objective \(number)", capabilities: ["echo"]) }
        for connection in connections {
            let events = try connection.read { $0["objective"] == "objective 49" }
            #expect(events.map { $0["objective"]?.stringValue } == (0..<50).map { "objective \($0)" })
        }
        let hello = try LiveConnection(endpoint).hello
        #expect(hello["subscribers"]?.arrayValue?.count == 9, "the eight and this one")
    }

    @Test func aSubscriberThatDoesNotReadIsToldWhatItLostAndSelectionsGoOn() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        let endpoint = try factory.startPublishing()
        let connection = try LiveConnection(endpoint)
        _ = try connection.snapshot()
        // Far more than the stream keeps (4096) plus what a socket buffer holds: none of these waits.
        let count = 30_000
        for number in 0..<count { _ = try factory.selectBestPlanner(objective: "objective \(number)", capabilities: ["echo"]) }
        #expect(factory.telemetry.selections.summary().count == count)
        var received = 0
        var dropped = 0
        for message in try connection.read(until: { $0["objective"] == .string("objective \(count - 1)") }) {
            if message["type"] == "dropped" { dropped += message["count"]?.intValue ?? 0 } else { received += 1 }
        }
        #expect(dropped > 0, "a subscriber that does not read loses events")
        #expect(received + dropped == count, "every event was either received or counted as dropped")
    }

    @Test func stoppingTellsSubscribersAndRemovesTheFiles() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        let endpoint = try factory.startPublishing()
        #expect(try factory.startPublishing() == endpoint, "starting again is a no-op")
        let connection = try LiveConnection(endpoint)
        _ = try connection.snapshot()
        let live = root.path + "/state/live"
        #expect(try FileManager.default.contentsOfDirectory(atPath: live).sorted() == ["\(endpoint.id).lock", "\(endpoint.id).sock"])
        #expect(try Self.mode(live) == 0o700)
        #expect(try Self.mode(endpoint.socketPath) == 0o600)
        factory.stopPublishing()
        #expect(factory.liveEndpoint == nil)
        let last = try connection.read { $0["type"] == "closing" }
        #expect(last.last?["type"] == "closing")
        if case .closed = try connection.next(timeout: .seconds(60)) {} else { Issue.record("the connection stays open") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: live).isEmpty)
        #expect(LiveDirectory(stateDirectory: root.path + "/state").publishers().isEmpty)
    }

    @Test func aSubscriberFarBehindStillGetsClosingWhenPublishingStops() throws {
        let root = try TemporaryFolder()
        let factory = root.publishingFactory()
        let connection = try LiveConnection(try factory.startPublishing())
        _ = try connection.snapshot()
        // It reads nothing while far more is published than its socket holds.
        for number in 0..<30_000 { _ = try factory.selectBestPlanner(objective: "objective \(number)", capabilities: ["echo"]) }
        // Stopping waits (a second at most) for its full socket to take the closing line: it reads meanwhile.
        let stopped = Thread { factory.stopPublishing() }
        stopped.start()
        usleep(300_000)  // it starts reading only after stopping has begun
        var last: JSONValue?
        while case .message(let line) = try connection.next(timeout: .seconds(60)) { last = line }
        #expect(last?["type"] == "closing", "its backlog is dropped, the closing line is not")
    }

    @Test func aFactoryConfiguredToPublishDoesSoAndStopsWhenReleased() throws {
        let root = try TemporaryFolder()
        let directory = LiveDirectory(stateDirectory: root.path + "/state")
        do {
            let factory = root.factory([], builtins: [.stub("echo")]) { $0.publishes = true }
            #expect(directory.publishers().map(\.id) == [factory.liveEndpoint?.id])
        }
        #expect(directory.publishers().isEmpty, "a factory that is gone stops publishing")
        #expect(try FactoryConfiguration(environment: ["FACTORY_PUBLISH": "1"]).publishes)
        #expect(throws: FactoryError(.invalidConfiguration, "")) { try FactoryConfiguration(environment: ["FACTORY_PUBLISH": "maybe"]) }
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// The live event stream: one ring shared by subscribers, each reading from its own position; a
/// subscriber that falls behind loses the oldest events and is told how many.
struct LiveEventStreamTests {
    static func selection(_ number: Int) -> LiveEvent {
        .selection(SelectionRecord(objective: "objective \(number)", candidateCount: 1, winner: "echo", duration: .microseconds(number)))
    }

    @Test func withoutSubscribersNothingIsMadeOrKept() {
        let stream = LiveEventStream(capacity: 4)
        var made = 0
        for number in 0..<10 {
            stream.publish({ made += 1; return Self.selection(number) }())
        }
        #expect(made == 0, "the event is not even built when nobody subscribes")
        #expect(stream.bounds == (1, 1))
    }

    @Test func aSubscriberThatFallsBehindLosesTheOldestAndIsToldHowMany() {
        let stream = LiveEventStream(capacity: 4)
        let position = stream.subscribe()
        for number in 1...10 { stream.publish(Self.selection(number)) }
        let read = stream.read(from: position, limit: 100)
        #expect(read.dropped == 6)
        #expect(read.events.map(\.0) == [7, 8, 9, 10])
        #expect(read.events.map { $0.1.type } == Array(repeating: "selection", count: 4))
        #expect(read.next == 11)
        let again = stream.read(from: read.next, limit: 100)
        #expect(again.events.isEmpty && again.dropped == 0)
    }

    @Test func subscribersReadTheSameEventsFromTheirOwnPositions() {
        let stream = LiveEventStream(capacity: 8)
        let first = stream.subscribe()
        stream.publish(Self.selection(1))
        let second = stream.subscribe()
        stream.publish(Self.selection(2))
        #expect(stream.read(from: first, limit: 10).events.map(\.0) == [1, 2])
        #expect(stream.read(from: second, limit: 10).events.map(\.0) == [2])
        #expect(stream.read(from: first, limit: 1).next == 2, "a batch stops at its limit")
        stream.unsubscribe()
        stream.unsubscribe()
        #expect(!stream.isActive)
        stream.publish(Self.selection(3))
        #expect(stream.bounds == (3, 3), "the last subscriber out frees the ring; nothing is kept after")
    }

    @Test func eventsEncodeAsOneObjectWithTypeAndSequence() throws {
        let line = Self.selection(42).json(sequence: 9).serialized()
        #expect(!line.contains("\n"))
        let value = try JSONValue(parsing: line)
        #expect(value["type"] == "selection")
        #expect(value["seq"] == 9)
        #expect(value["winner"] == "echo")
        #expect(value["durationMicroseconds"] == 42)
        let start = LiveEvent.planStart(.init(timestamp: 5, planner: "echo", objective: "a\nb", workerPID: nil)).json(sequence: 1)
        #expect(start["type"] == "plan-start" && start["objective"] == "a\nb" && start["workerPid"] == .null)
    }
}

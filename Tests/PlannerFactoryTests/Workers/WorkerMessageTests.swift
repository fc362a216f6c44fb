import PlannerKit
import Testing
@testable import PlannerFactory

/// Protocol v1 as the factory reads a worker's output: line 1 the handshake, then replies by id.
struct WorkerMessageTests {
    static func read(_ text: String, number: Int = 2) throws(WorkerMessage.Violation) -> WorkerMessage {
        try WorkerMessage(line: Array(text.utf8)[...], number: number)
    }

    static func violation(_ text: String, number: Int = 2) -> String? {
        do {
            _ = try read(text, number: number)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsTheHandshakeResultsAndErrors() throws {
        let handshake = try Self.read(#"{"protocol": "planner-factory", "version": 1, "descriptor": {"name": "p"}}"#, number: 1)
        #expect(handshake == .handshake(descriptor: ["name": "p"]))
        #expect(try Self.read(#"{"id": 3, "result": [1, "a"]}"#) == .result(id: 3, [1, "a"]))
        #expect(try Self.read(#"{"id": 4, "error": {"code": "bad-objective", "message": "no"}}"#)
            == .error(id: 4, code: "bad-objective", message: "no"))
        #expect(try Self.read(#"{"id": 5, "error": {}}"#) == .error(id: 5, code: "internal", message: "no message was given"))
    }

    @Test func namesWhatBreaksTheProtocol() {
        #expect(Self.violation("nope")?.hasPrefix("line 2 is not JSON (") == true)
        #expect(Self.violation(#"{"id": 1, "result": 1}"#, number: 1)?.hasPrefix("line 1 is not the handshake") == true)
        #expect(Self.violation(#"{"protocol": "planner-factory", "version": 2, "descriptor": {}}"#, number: 1)
            == "the handshake asks for protocol version 2; this factory speaks version 1")
        #expect(Self.violation(#"{"protocol": "planner-factory", "version": 1, "descriptor": []}"#, number: 1)
            == "the handshake has no \"descriptor\" object")
        #expect(Self.violation(#"{"id": "7", "result": 1}"#) == #"line 2 has no numeric "id": {"id": "7", "result": 1}"#)
        #expect(Self.violation(#"{"id": 7}"#, number: 9) == #"line 9 (id 7) has neither "result" nor an "error" object"#)
    }

    @Test func quotesAtMost120BytesOfABadLine() throws {
        let problem = try #require(Self.violation(String(repeating: "x", count: 500)))
        #expect(problem.hasSuffix(String(repeating: "x", count: 120) + "…"))
    }
}

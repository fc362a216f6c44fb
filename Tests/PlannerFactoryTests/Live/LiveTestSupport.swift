import PlannerKit
import Testing
@testable import PlannerFactory

/// Reading a live connection in tests: every wait has a generous deadline as a safety net (a
/// regression must fail, not hang); nothing is asserted about speed.
extension LiveConnection {
    /// Reads messages until one satisfies `stop` (returned last), the connection closes, or the
    /// safety deadline passes; records an issue in those two cases.
    func read(until stop: (JSONValue) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        var messages: [JSONValue] = []
        while true {
            switch try next(timeout: .seconds(60)) {
            case .message(let message):
                messages.append(message)
                if stop(message) { return messages }
            case .timedOut:
                Issue.record("no message within 60 s after \(messages.count)", sourceLocation: sourceLocation)
                return messages
            case .closed:
                Issue.record("the connection closed after \(messages.count) messages", sourceLocation: sourceLocation)
                return messages
            }
        }
    }

    /// Reads the snapshot line that follows the hello.
    func snapshot(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let first = try read(until: { _ in true }, sourceLocation: sourceLocation)
        #expect(first.first?["type"] == "snapshot", sourceLocation: sourceLocation)
        return first.first ?? .null
    }
}

extension TemporaryFolder {
    /// A factory with the echo builtin, its state in this folder.
    func publishingFactory(builtins: [BuiltinPlanner] = [.stub("echo", capabilities: ["echo"])]) -> PlannerFactory {
        factory([], builtins: builtins)
    }
}

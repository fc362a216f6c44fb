import PlannerKit

/// One line of a worker's output read by protocol v1 (README "The process protocol"): line 1 is
/// the handshake, every later line a reply to a request by its id. Pure, so it can be tested and
/// fuzzed on its own (`Fuzz/WorkerLines`).
enum WorkerMessage: Sendable, Hashable {
    /// `{"protocol": "planner-factory", "version": 1, "descriptor": {…}}`: the descriptor object.
    case handshake(descriptor: JSONValue)
    /// `{"id": N, "result": …}`.
    case result(id: Int, JSONValue)
    /// `{"id": N, "error": {"code": "…", "message": "…"}}`; a missing code reads as `internal`.
    case error(id: Int, code: String, message: String)

    /// A line that breaks the protocol: the worker is ended.
    struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, e.g. "line 3 is not JSON (…): …".
        var description: String
    }

    /// Reads `line` (without its newline), the `number`th line of the worker's output (from 1).
    /// - Throws: `Violation` when it is not JSON or not the message expected there.
    init(line: ArraySlice<UInt8>, number: Int) throws(Violation) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: line)
        } catch {
            throw Violation(description: "line \(number) is not JSON (\(error)): \(Self.excerpt(line))")
        }
        if number == 1 {
            guard json["protocol"]?.stringValue == "planner-factory" else {
                throw Violation(description: "line 1 is not the handshake {\"protocol\": \"planner-factory\", \"version\": 1, \"descriptor\": {…}}: \(Self.excerpt(line))")
            }
            guard json["version"]?.intValue == 1 else {
                throw Violation(description: "the handshake asks for protocol version \(json["version"].map { "\($0)" } ?? "none"); this factory speaks version 1")
            }
            guard let descriptor = json["descriptor"], descriptor.objectValue != nil else {
                throw Violation(description: "the handshake has no \"descriptor\" object")
            }
            self = .handshake(descriptor: descriptor)
            return
        }
        guard let id = json["id"]?.intValue else {
            throw Violation(description: "line \(number) has no numeric \"id\": \(Self.excerpt(line))")
        }
        if let result = json["result"] {
            self = .result(id: id, result)
        } else if let error = json["error"]?.objectValue {
            let message = error["message"]?.stringValue ?? "no message was given"
            self = .error(id: id, code: error["code"]?.stringValue ?? "internal", message: message)
        } else {
            throw Violation(description: "line \(number) (id \(id)) has neither \"result\" nor an \"error\" object")
        }
    }

    private static func excerpt(_ line: ArraySlice<UInt8>) -> String {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        return line.count > 120 ? text + "…" : text
    }
}

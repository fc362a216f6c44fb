import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// A subscription to a publisher: connects, reads its hello line, then its snapshot and events,
/// one JSON line at a time, never waiting longer than asked. Use it from one thread.
///
/// ```swift
/// let endpoint = LiveDirectory(stateDirectory: state).publishers()[0]
/// let connection = try LiveConnection(endpoint)
/// print(connection.hello["command"] ?? "?")
/// while case .message(let line) = try connection.next(timeout: nil) { print(line.serialized()) }
/// ```
public final class LiveConnection {
    /// What `next(timeout:)` found.
    public enum Read {
        /// One line: an object with a `type`.
        case message(JSONValue)
        /// Nothing arrived in time.
        case timedOut
        /// The publisher closed the connection (after a `closing` line when it stopped; without
        /// one when it was killed).
        case closed
    }

    /// Longest line accepted (a snapshot of a large registry is one line).
    static let lineLimit = 256 << 20

    /// The publisher connected to.
    public let endpoint: LiveEndpoint
    /// The publisher's hello line: pid, command, start time, planners, selections, subscribers.
    public private(set) var hello: JSONValue = .null
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the end of the current line goes on.
    private var searched = 0
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)

    /// Connects to `endpoint` and reads its hello line.
    /// - Parameter timeout: how long to wait for the hello line.
    /// - Throws: `FactoryError` `.liveUnavailable`: the connection failed, the publisher refused
    ///   it (its message is given), or no valid hello came in time.
    public init(_ endpoint: LiveEndpoint, timeout: Duration = .seconds(5)) throws(FactoryError) {
        self.endpoint = endpoint
        switch LiveSocket.connect(endpoint.socketPath) {
        case .success(let descriptor): self.descriptor = descriptor
        case .failure(let error):
            throw FactoryError(.liveUnavailable, "Cannot connect to the publisher of process \(endpoint.pid) at \(endpoint.socketPath): \(error).",
                               context: ["pid": "\(endpoint.pid)", "path": endpoint.socketPath])
        }
        let first = try next(timeout: timeout)
        guard case .message(let line) = first, line["type"]?.stringValue == "hello" else {
            let why: String
            switch first {
            case .message(let line) where line["type"]?.stringValue == "refused":
                why = "it refused the connection: \(line["message"]?.stringValue ?? "no reason given")"
            case .message(let line): why = "its first line is a \(line["type"]?.stringValue ?? "line without a type"), not a hello"
            case .timedOut: why = "it sent nothing within \(JSONValue.format(timeout.seconds)) s"
            case .closed: why = "it closed the connection before saying hello"
            }
            // (deinit closes the socket)
            throw FactoryError(.liveUnavailable, "The publisher of process \(endpoint.pid) at \(endpoint.socketPath) cannot be followed: \(why).",
                               context: ["pid": "\(endpoint.pid)", "path": endpoint.socketPath])
        }
        hello = line
    }

    deinit {
        close(descriptor)
    }

    /// The next line, waiting at most `timeout` (`nil`: as long as it takes).
    /// - Throws: `FactoryError` `.liveUnavailable` for a line that is not a JSON object, or longer than 256 MiB.
    public func next(timeout: Duration?) throws(FactoryError) -> Read {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            if let line = try takeLine() { return .message(line) }
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero { return .timedOut }
                wait = Int32(min(left.seconds * 1000 + 1, Double(Int32.max)))
            }
            guard LiveSocket.waitReadable(descriptor, milliseconds: wait) else { return .timedOut }
            let got = chunk.withUnsafeMutableBytes { LiveSocket.receive(descriptor, into: $0) }
            switch got {
            case .success(0): return .closed
            case .success(let count): buffer.append(contentsOf: chunk[..<count])
            case .failure(let error) where error.code == EAGAIN: continue
            case .failure: return .closed
            }
            if buffer.count - start > Self.lineLimit {
                throw FactoryError(.liveUnavailable, "The publisher of process \(endpoint.pid) sent a line longer than \(Self.lineLimit >> 20) MiB.")
            }
        }
    }

    /// The first complete line of the buffer, parsed; `nil` when none is complete.
    private func takeLine() throws(FactoryError) -> JSONValue? {
        guard let end = buffer[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) else {
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            searched = buffer.count
            return nil
        }
        let line = buffer[start..<end]
        start = end + 1
        searched = start
        let value: JSONValue
        do {
            value = try JSONValue(parsing: line)
        } catch {
            throw FactoryError(.liveUnavailable, "The publisher of process \(endpoint.pid) sent a line that is not JSON: \(error).")
        }
        guard value.objectValue != nil else {
            throw FactoryError(.liveUnavailable, "The publisher of process \(endpoint.pid) sent a line that is not a JSON object.")
        }
        return value
    }
}

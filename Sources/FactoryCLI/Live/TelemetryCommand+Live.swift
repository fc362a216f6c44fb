import PlannerFactory
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension TelemetryCommand {
    /// `--follow` / `--prometheus`: another process's telemetry, through its live socket.
    func runLive() throws {
        let stateDirectory = try options.configuration.configuration().stateDirectory
        let publishers = LivePublishers(stateDirectory: stateDirectory)
        let endpoint = try publishers.pick(pid, command: follow ? "--follow" : "--prometheus")
        let connection = try LiveConnection(endpoint)
        if prometheus {
            guard case .message(let snapshot) = try connection.next(timeout: .seconds(30)), snapshot["type"]?.stringValue == "snapshot" else {
                throw FactoryError(.liveUnavailable, "The publisher of process \(endpoint.pid) sent no snapshot.", context: ["pid": "\(endpoint.pid)"])
            }
            Swift.print(PrometheusText.render(hello: connection.hello, snapshot: snapshot), terminator: "")
            return
        }
        try follow(connection, publishers.directory)
    }

    /// Prints every line (hello, snapshot, events) as one JSON line, flushed at once, until the
    /// publisher stops (exit 0) or goes away without a word (exit 1, its files removed).
    private func follow(_ connection: LiveConnection, _ directory: LiveDirectory) throws {
        Self.emit(connection.hello)
        var lastType = ""
        while case .message(let line) = try connection.next(timeout: nil) {
            lastType = line["type"]?.stringValue ?? ""
            Self.emit(line)
        }
        let endpoint = connection.endpoint
        if lastType == "closing" {
            Output.error("factory: the publisher (pid \(endpoint.pid)) stopped publishing.")
            return
        }
        // Killed: its lock is released as it dies; its files go once that is seen.
        for _ in 0..<100 where directory.publishers().contains(where: { $0.id == endpoint.id }) {
            usleep(10_000)
        }
        Output.error("error: the publisher (pid \(endpoint.pid)) went away without closing the connection (it was killed or crashed).")
        throw ExitStatus(code: 1)
    }

    /// Sleeps until `instant` (`--rate`); returns at once when it has passed.
    static func sleep(until instant: ContinuousClock.Instant) {
        let left = instant - ContinuousClock.now
        guard left > .zero else { return }
        let (seconds, attoseconds) = left.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    /// One line of JSON on standard output, flushed (followers are often pipes); raw path bytes
    /// shown as `Output.json` shows them.
    private static func emit(_ value: JSONValue) {
        Swift.print(value.showingRawBytes.serialized())
        fflush(nil)
    }
}

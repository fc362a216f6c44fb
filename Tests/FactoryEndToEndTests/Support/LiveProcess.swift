import Foundation
import PlannerKit
import PlannerTestSupport

/// A process run in the background for the live tests: a publisher (`factory telemetry` with
/// FACTORY_PUBLISH=1 and ten million selections to make at 2000 a second, ended by the test) or a subscriber,
/// whose standard output is read line by line. Killed when released.
final class LiveProcess: @unchecked Sendable {  // used by one test at a time
    let process = Process()
    private let output = Pipe()
    private let error = Pipe()
    private let input = Pipe()
    private var pending = Data()

    /// Starts `command` (program path first) with exactly `environment`.
    init(_ command: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var pid: Int32 { process.processIdentifier }

    /// A `factory` publisher making 2000 selections a second for "route" with capability grid until it is ended.
    static func publisher(state: String, prefix: [String] = []) throws -> LiveProcess {
        try LiveProcess(prefix + [FactoryBinary.path, "telemetry", "--selections", "10000000", "--rate", "2000", "--objective", "route", "--capabilities", "grid"],
                        environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_STATE_DIR": state, "FACTORY_PUBLISH": "1"])
    }

    /// `factory ARGUMENTS` in the background, on the state folder `state`.
    static func factory(_ arguments: [String], state: String) throws -> LiveProcess {
        try LiveProcess([FactoryBinary.path] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_STATE_DIR": state])
    }

    /// The next line of standard output; `nil` at its end.
    func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                return line
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { return nil }
            pending.append(more)
        }
    }

    /// Lines of standard output parsed as JSON, until one satisfies `stop` (returned last) or the output ends.
    func readJSON(until stop: (JSONValue) -> Bool) -> [JSONValue] {
        var lines: [JSONValue] = []
        while let line = readLine() {
            guard let value = try? JSONValue(parsing: line) else { continue }
            lines.append(value)
            if stop(value) { break }
        }
        return lines
    }

    /// Writes a line to its standard input.
    func write(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits for its end. - Returns: its exit status and the rest of its standard error.
    func finish() -> (status: Int32, standardError: String, reason: Process.TerminationReason) {
        let rest = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self), process.terminationReason)
    }
}

/// `factory ps --json` on a state folder, polled until `ready` holds for its list (or a safety
/// deadline of 60 s passes: then the last list is returned and the test's expectations fail).
enum LivePublishersList {
    static func poll(state: String, prefix: [String] = [], until ready: ([JSONValue]) -> Bool) throws -> [JSONValue] {
        let deadline = Date().addingTimeInterval(60)
        var list: [JSONValue] = []
        repeat {
            list = try FactoryBinary.run(["ps", "--json"], environment: ["FACTORY_STATE_DIR": state], prefix: prefix).json().arrayValue ?? []
            if ready(list) { return list }
            usleep(50_000)
        } while Date() < deadline
        return list
    }

    /// Waits until `pid` publishes on `state`; returns its `ps` entry.
    static func waitFor(_ pid: Int32, state: String) throws -> JSONValue? {
        try poll(state: state) { $0.contains { $0["pid"]?.intValue == Int(pid) && $0["selections"]?.intValue ?? 0 > 0 } }
            .first { $0["pid"]?.intValue == Int(pid) }
    }
}

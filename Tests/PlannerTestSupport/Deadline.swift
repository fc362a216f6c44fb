import Foundation
import Synchronization

/// Runs work that a regression could hang forever (a blocking `open` of a FIFO), so that the test
/// fails at a generous deadline instead of never ending. The deadline is a safety net, not a
/// measurement: nothing is asserted about how fast the work is.
public enum Deadline {
    /// What a process run under a deadline ended with.
    public struct ProcessResult: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `body` on a thread of its own and waits for it at most `seconds`.
    /// - Returns: its result, or `nil` when it did not return in time (the thread is left to the
    ///   end of the test process).
    public static func run<T: Sendable>(within seconds: Double = 120, _ body: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = body()
            box.value.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value.withLock { $0 }
    }

    /// Runs `command` (an absolute program path, then its arguments) with exactly `environment`,
    /// its output into files (a hung process cannot block a pipe reader), and waits for it at
    /// most `seconds`; then kills it.
    /// - Returns: how it ended, or `nil` when it did not end in time.
    public static func runProcess(_ command: [String], environment: [String: String], within seconds: Double = 120) throws -> ProcessResult? {
        let folder = NSTemporaryDirectory() + "deadline-run-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        defer {
            try? output.close()
            try? error.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        guard done.wait(timeout: .now() + seconds) == .success else {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return nil
        }
        return ProcessResult(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "")
    }

    private final class Box<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }
}

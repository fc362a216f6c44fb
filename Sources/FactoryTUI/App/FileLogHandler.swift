import Logging
import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler appending lines to a file (the TUI never logs to the screen).
public struct FileLogHandler: LogHandler {
    /// The open log file, shared by every handler copy.
    final class Sink: Sendable {
        let descriptor: Int32
        let lock = Locked<Void>(())
        init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }
        func write(_ line: String) {
            lock.withLock { _ in
                _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count - 1) }
            }
        }
    }

    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// Opens (creating) `path` for appending.
    /// - Returns: `nil` when the file cannot be opened.
    public static func open(_ path: String, level: Logger.Level) -> (@Sendable (String) -> FileLogHandler)? {
        let descriptor = PathBytes.withCString(path) { Glibc.open($0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else { return nil }
        let sink = Sink(descriptor: descriptor)
        return { label in FileLogHandler(sink: sink, label: label, logLevel: level) }
    }

    private init(sink: Sink, label: String, logLevel: Logger.Level) {
        self.sink = sink
        self.label = label
        self.logLevel = logLevel
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.keys.sorted().map { "\($0)=\(merged[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
        sink.write("\(WallClock.iso8601(WallClock.now())) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n")
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Who holds a `FileLock`, as far as the lock file and `/proc` tell: the holder writes its
/// process id and the time it took the lock into the file right after taking it.
struct LockHolder: Sendable, Hashable, CustomStringConvertible {
    /// The holder's process id, when the file names one that is alive.
    var processID: Int32?
    /// Its command line (`/proc/<pid>/cmdline`, arguments joined by spaces, escaped for terminals).
    var command: String?
    /// When it took the lock, seconds since the Unix epoch.
    var since: Double?

    /// Reads the holder written into the lock file at `path`.
    static func read(_ path: String) -> LockHolder {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return LockHolder() }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        let words = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count >= 2, let pid = Int32(words[0]), pid > 0, let since = Double(words[1]) else { return LockHolder() }
        // A pid that is gone was written by an earlier holder: the present one has not written yet.
        guard kill(pid, 0) == 0 || errno == EPERM else { return LockHolder() }
        return LockHolder(processID: pid, command: commandLine(of: pid), since: since)
    }

    /// The text a holder writes into the lock file: its pid and the time.
    static var ownLine: String { "\(getpid()) \(WallClock.now())\n" }

    /// "pid 4242 (factory list --json), for 1.3 s", or "another process" when unknown.
    var description: String {
        guard let processID else { return "another process" }
        var text = "pid \(processID)"
        if let command, !command.isEmpty { text += " (\(command))" }
        if let since { text += ", for \(Self.format(max(0, WallClock.now() - since))) s" }
        return text
    }

    static func format(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    /// `/proc/<pid>/cmdline` with its NULs as spaces, at most 160 characters, escaped.
    private static func commandLine(of pid: Int32) -> String? {
        let descriptor = open("/proc/\(pid)/cmdline", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let words = bytes.prefix(count).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        var text = words.joined(separator: " ")
        if text.count > 160 { text = String(text.prefix(159)) + "…" }
        return TerminalText.escaped(text)
    }
}

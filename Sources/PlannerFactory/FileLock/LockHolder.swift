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
        // A pid that is gone was written by an earlier holder: the present one has not written yet.
        guard words.count >= 2, let pid = Int32(words[0]), pid > 0, let since = Double(words[1]), kill(pid, 0) == 0 || errno == EPERM else {
            // Not a factory's lock, or not written yet: the kernel's list of locks names the holder.
            return kernelHolder(of: descriptor).map { LockHolder(processID: $0, command: commandLine(of: $0)) } ?? LockHolder()
        }
        return LockHolder(processID: pid, command: commandLine(of: pid), since: since)
    }

    /// The process holding a `flock` on the file open at `descriptor`, from `/proc/locks`
    /// ("1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF": pid, then the device's major and
    /// minor numbers in hex and the inode); waiters ("1: -> FLOCK …") are not holders, nor is a
    /// pid that is gone.
    static func kernelHolder(of descriptor: Int32) -> Int32? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let device = UInt64(status.st_dev)
        let file = [((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff), (device & 0xff) | ((device >> 12) & ~0xff), UInt64(status.st_ino)]
        for line in String(decoding: procLocks(), as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            // The process that took the lock may be gone while a child it passed the file to holds it.
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]), pid > 0,
                  kill(pid, 0) == 0 || errno == EPERM else { continue }
            // Major and minor in hex (at least two digits), the inode in decimal.
            let parts = fields[5].split(separator: ":")
            guard parts.count == 3, [UInt64(parts[0], radix: 16), UInt64(parts[1], radix: 16), UInt64(parts[2])] == file else { continue }
            return pid
        }
        return nil
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

    /// `/proc/locks`, at most its first MiB (its size says 0: it is read to its end).
    private static func procLocks() -> [UInt8] {
        let descriptor = open("/proc/locks", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
        }
        return bytes
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

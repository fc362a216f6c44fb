import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// Probe results persisted in the state folder (`probes.json`), shared by every process that uses
/// the folder (the TUI, the CLI, an application): each update takes an exclusive `flock` on
/// `probes.lock`, re-reads the file, merges, and replaces it atomically (a temporary file, then
/// `rename`). A corrupt file is moved aside with a warning, never fatal.
public struct ProbeStore: Sendable {
    /// The state folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var filePath: String { directory + "/probes.json" }
    var lockPath: String { directory + "/probes.lock" }

    /// The record file's status (size, time, inode), to tell whether it changed since it was read.
    var fileStatus: FileSystem.Status? {
        if case .success(let status) = FileSystem.status(filePath) { return status }
        return nil
    }

    /// Every stored record by fingerprint, and warnings (a corrupt file moved aside).
    public func load() -> (records: [Fingerprint: ProbeRecord], warnings: [String]) {
        guard access(directory, F_OK) == 0 else {
            // Nothing stored yet: create nothing. Anything else (a file on the way) is worth a warning.
            return errno == ENOENT ? ([:], []) : ([:], [failure(errno, "it cannot be reached").message])
        }
        do {
            return try withLock { read() }
        } catch {
            // No lock to take (a read-only state folder): the records are still worth reading.
            let unlocked = read()
            guard !unlocked.records.isEmpty else { return ([:], unlocked.warnings + [error.message]) }
            return (unlocked.records, unlocked.warnings + ["Probe results read without the state folder's lock: \(error.message)"])
        }
    }

    /// Stores `records` (replacing those with the same fingerprints) and drops `removed`.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the state folder when it cannot be written.
    @discardableResult
    public func update(storing records: [Fingerprint: ProbeRecord], removing removed: Set<Fingerprint> = []) throws(FactoryError) -> [String] {
        try withLock { () throws(FactoryError) -> [String] in
            var (current, warnings) = read()
            for fingerprint in removed { current[fingerprint] = nil }
            current.merge(records) { _, new in new }
            try write(current)
            return warnings
        }
    }

    /// Changes the stored record of `fingerprint` in place, under the lock (read, change, write).
    /// - Returns: the record after the change, or `nil` when none is stored (nothing is written).
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the state folder when it cannot be written.
    public func modify(_ fingerprint: Fingerprint, _ change: (inout ProbeRecord) -> Void) throws(FactoryError) -> ProbeRecord? {
        try withLock { () throws(FactoryError) -> ProbeRecord? in
            var (current, _) = read()
            guard var record = current[fingerprint] else { return nil }
            change(&record)
            current[fingerprint] = record
            try write(current)
            return record
        }
    }

    // MARK: File work

    private func read() -> (records: [Fingerprint: ProbeRecord], warnings: [String]) {
        switch FileSystem.withContents(of: filePath, limit: 64 << 20, { bytes, _, _ in Array(bytes) }) {
        case .failure(.system(let error)) where error.isNotFound:
            return ([:], [])
        case .failure(let failure):
            return ([:], [moveAside("it cannot be read (\(failure))")])
        case .success(let bytes):
            guard let json = try? JSONValue(parsing: bytes), json["schema"] == 1, let entries = json["entries"]?.objectValue else {
                return ([:], [moveAside("it is not a probe record file of schema 1")])
            }
            var records: [Fingerprint: ProbeRecord] = [:]
            for (key, value) in entries {
                if let number = UInt64(key, radix: 16), let record = ProbeRecord(json: value) {
                    records[Fingerprint(value: number)] = record
                }
            }
            return (records, [])
        }
    }

    private func moveAside(_ why: String) -> String {
        let aside = filePath + ".corrupt-\(Int(WallClock.now()))"
        rename(filePath, aside)
        return "The probe record file \(filePath) was moved aside to \(aside) because \(why); plugins will be probed again."
    }

    private func write(_ records: [Fingerprint: ProbeRecord]) throws(FactoryError) {
        let entries = Dictionary(uniqueKeysWithValues: records.map { ($0.key.description, $0.value.json) })
        let text = JSONValue.object(["schema": 1, "entries": .object(entries)]).serialized(pretty: true) + "\n"
        let temporary = filePath + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno, "cannot create \(temporary)") }
        let written = text.utf8CString.withUnsafeBufferPointer { buffer in
            Glibc.write(descriptor, buffer.baseAddress, buffer.count - 1)
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.utf8.count, synced, rename(temporary, filePath) == 0 else {
            let error = failure(errno, "cannot write \(filePath)")
            unlink(temporary)
            throw error
        }
    }

    /// Runs `body` holding the exclusive lock on the state folder's probe records.
    private func withLock<T>(_ body: () throws(FactoryError) -> T) throws(FactoryError) -> T {
        try createDirectory()
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno, "cannot open the lock file \(lockPath)") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure(errno, "cannot lock \(lockPath)") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private func createDirectory() throws(FactoryError) {
        try StateFolder.create(directory)
    }

    private func failure(_ code: Int32, _ what: String) -> FactoryError {
        StateFolder.failure(directory, code, what)
    }
}

import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// Probe results in the state folder, one small file per plugin fingerprint, shared by every
/// process that uses the folder (the TUI, the CLI, an application).
///
/// Layout, in `<state folder>/probes/`:
/// - `<fingerprint>.json`: the record, replaced atomically (a temporary file, `fsync`, `rename`),
///   so a reader sees the old record or the new one, never a mix, and needs no lock;
/// - `<fingerprint>.quarantined`: an empty marker beside every record that keeps its plugin out
///   of selection, so a quarantine survives the loss of its record: a record that is damaged,
///   unreadable or gone with its marker still there keeps the plugin quarantined until it is
///   released or its files change (fail closed);
/// - `<fingerprint>.lock`: the `flock` a writer of that record holds (`FileLock`: its pid and time
///   are written in it), also for the whole of a probe, so two processes never probe the same
///   fingerprint at once: the second waits for the first one's result.
///
/// Damage to one record loses that record only. A damaged record is set aside as
/// `<fingerprint>.json.corrupt-<seconds>` (the last few are kept); a record that cannot be read
/// (a permission error) is reported as such and left alone. A `probes.json` of an earlier version
/// is migrated once (see `ProbeStore+Legacy.swift`).
public struct ProbeStore: Sendable {
    /// The state folder.
    public let directory: String
    /// How long a writer waits for another process's lock on a record (`FACTORY_LOCK_TIMEOUT`).
    public var lockTimeout: Duration
    /// Told, as it happens, when a writer has waited a second for a lock: who holds it, since when.
    public var notice: (@Sendable (String) -> Void)?

    /// A store over the state folder `directory`.
    public init(directory: String, lockTimeout: Duration = .seconds(10), notice: (@Sendable (String) -> Void)? = nil) {
        self.directory = directory
        self.lockTimeout = lockTimeout
        self.notice = notice
    }

    /// `<state folder>/probes`.
    var recordsDirectory: String { directory + "/probes" }

    /// What `load()` found.
    public struct Contents: Sendable {
        /// The records by fingerprint; a quarantine whose record was lost or cannot be read is
        /// here as a quarantine saying so (its marker is what is left of it).
        public var records: [Fingerprint: ProbeRecord] = [:]
        /// Fingerprints whose record cannot be read (a permission error …), with the reason: their
        /// plugins stay pending, and are not probed (that would replace the file).
        public var unreadable: [Fingerprint: String] = [:]
        /// Why the records cannot be read at all (the folder or an unmigrated `probes.json` is not
        /// readable): then no plugin without a record of its own is probed or made active.
        public var problem: String?
        /// What went wrong on the way (records set aside, files that cannot be read).
        public var warnings: [String] = []
        /// The names in the records folder as `load()` listed them (tidying reads them from here
        /// rather than listing the folder again).
        var listedNames: [String] = []
    }

    /// What tells whether the records changed since they were read: the status of the records
    /// folder (adding, replacing or removing a record changes its time) and of a legacy
    /// `probes.json`.
    struct ChangeToken: Hashable, Sendable {
        var folder: FileSystem.Status?
        var legacy: FileSystem.Status?
    }

    /// The token of the records now, or `nil` while a change could still go unseen (the folder
    /// changed within the last 100 ms, about a tick of the file system's clock).
    func changeToken() -> ChangeToken? {
        var token = ChangeToken()
        if case .success(let status) = FileSystem.status(recordsDirectory) {
            guard Double(status.modificationNanoseconds) / 1e9 < WallClock.now() - 0.1 else { return nil }
            token.folder = status
        }
        if case .success(let status) = FileSystem.status(legacyPath) { token.legacy = status }
        return token
    }

    /// Every stored record. Takes no lock and never waits: records are replaced atomically.
    /// Damaged records are set aside when their lock is free; a legacy `probes.json` is migrated.
    public func load() -> Contents {
        var contents = Contents()
        switch FileSystem.listFolder(recordsDirectory) {
        case .failure(let error) where error.isNotFound:
            break
        case .failure(let error) where error.isNotDirectory:
            // The state path (or `probes`) is a file: nothing can have been stored there (and
            // what writes there says it cannot).
            return contents
        case .failure(let error):
            let remedy = error.isPermissionDenied ? "fix the folder's permissions or set FACTORY_STATE_DIR to another folder" : "set FACTORY_STATE_DIR to a usable folder"
            let problem = "The probe records in \(recordsDirectory) cannot be read (\(error)), so quarantines cannot be known: plugins without a readable record stay pending. Nothing was moved or replaced; \(remedy)."
            contents.problem = problem
            contents.warnings.append(problem)
            return contents
        case .success(let entries):
            contents.listedNames = entries.compactMap(\.name)
            read(contents.listedNames, into: &contents)
        }
        migrateLegacy(into: &contents)
        return contents
    }

    /// Reads the records named in a listing of the records folder.
    private func read(_ names: [String], into contents: inout Contents) {
        let recorded = names.compactMap { Self.fingerprint(in: $0, suffix: ".json") }
        // Read and parsed on all cores: a registry of thousands of probed plugins has as many records.
        let folder = FileSystem.openFolder(recordsDirectory)
        let lookups = parallelMap(count: recorded.count) { lookup(recorded[$0], in: folder) }
        if let folder { FileSystem.closeFolder(folder) }
        for (fingerprint, found) in zip(recorded, lookups) {
            // Checked now, not from the listing: a release removes the marker, then the record.
            var hasMarker: Bool { access(markerPath(fingerprint), F_OK) == 0 }
            switch found {
            case .missing:
                if hasMarker { contents.records[fingerprint] = lostQuarantine(fingerprint, "its probe record is gone") }
            case .record(let record):
                contents.records[fingerprint] = record
            case .unreadable(let error):
                let what = "its probe record \(recordPath(fingerprint)) cannot be read (\(error))"
                contents.warnings.append("The probe record \(recordPath(fingerprint)) cannot be read (\(error)); it was left as it is.")
                if hasMarker {
                    contents.records[fingerprint] = lostQuarantine(fingerprint, what)
                } else {
                    contents.unreadable[fingerprint] = what + "; it stays pending until the file can be read"
                }
            case .damaged(let why):
                let aside = setAsideDamaged(fingerprint)
                let hasMarker = hasMarker
                contents.warnings.append(
                    "The probe record \(recordPath(fingerprint)) is damaged (\(why))\(aside.map { " and was moved aside to \($0)" } ?? ""); "
                        + (hasMarker ? "it had quarantined its plugin, which stays quarantined until it is released or its files change." : "its plugin will be probed again."))
                if hasMarker { contents.records[fingerprint] = lostQuarantine(fingerprint, "its probe record was damaged (\(why))") }
            }
        }
        // A marker alone: its record was lost (a crash of the disk, a hand that deleted it).
        let hasRecordFile = Set(recorded)
        for name in names {
            guard let fingerprint = Self.fingerprint(in: name, suffix: ".quarantined"), !hasRecordFile.contains(fingerprint),
                  access(recordPath(fingerprint), F_OK) != 0, access(markerPath(fingerprint), F_OK) == 0 else { continue }
            contents.records[fingerprint] = lostQuarantine(fingerprint, "its probe record is gone")
        }
    }

    /// The quarantine a marker keeps when its record is lost: the plugin stays out of selection
    /// until it is released or its files change (the marker names its bundle, so a record of a
    /// bundle whose files changed is tidied away).
    private func lostQuarantine(_ fingerprint: Fingerprint, _ what: String) -> ProbeRecord {
        let time: Double = if case .success(let status) = FileSystem.status(markerPath(fingerprint)) {
            Double(status.modificationNanoseconds) / 1e9
        } else {
            WallClock.now()
        }
        let marker = markerContents(fingerprint)
        var record = ProbeRecord(
            planner: marker.planner, quarantinedBecause: "\(what), and it had been quarantined; `factory release` probes it again",
            timestamp: time, bundle: marker.bundle, copy: nil)
        record.isDeepFingerprint = marker.isDeep
        return record
    }

    /// Stores `records` (replacing those with the same fingerprints) and drops `removed`, each
    /// under its own record's lock (waiting at most `lockTimeout` for another process's).
    /// - Returns: warnings (none so far).
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the state folder when it cannot be
    ///   written, `.stateFolderBusy` naming the holder of a lock; what was done before stays done.
    @discardableResult
    public func update(storing records: [Fingerprint: ProbeRecord], removing removed: Set<Fingerprint> = []) throws(FactoryError) -> [String] {
        for fingerprint in removed where records[fingerprint] == nil {
            let name: String = if case .record(let record) = lookup(fingerprint), !record.planner.isEmpty { " of \(record.planner)" } else { "" }
            try withLock(of: fingerprint, purpose: "remove the probe record\(name) (\(fingerprint))", wait: lockTimeout) { () throws(FactoryError) in
                try remove(fingerprint)
            }
        }
        for (fingerprint, record) in records.sorted(by: { $0.key.value < $1.key.value }) {
            let name = record.planner.isEmpty ? "" : " of \(record.planner)"
            try withLock(of: fingerprint, purpose: "save the probe record\(name) (\(fingerprint))", wait: lockTimeout) { () throws(FactoryError) in
                try write(record, fingerprint)
            }
        }
        return []
    }

    /// Changes the stored record of `fingerprint` in place, under its lock (read, change, write).
    /// - Returns: the record after the change, or `nil` when none can be read (nothing is written).
    /// - Throws: `FactoryError` (`.invalidConfiguration`, `.stateFolderBusy`) when it cannot be written.
    public func modify(_ fingerprint: Fingerprint, _ change: (inout ProbeRecord) -> Void) throws(FactoryError) -> ProbeRecord? {
        let name: String = if case .record(let record) = lookup(fingerprint), !record.planner.isEmpty { " of \(record.planner)" } else { "" }
        return try withLock(of: fingerprint, purpose: "update the probe record\(name) (\(fingerprint))", wait: lockTimeout) { () throws(FactoryError) -> ProbeRecord? in
            guard case .record(var record) = lookup(fingerprint) else { return nil }
            change(&record)
            try write(record, fingerprint)
            return record
        } ?? nil
    }

    /// Runs `body` holding the lock of `fingerprint`'s record, taken at once or waiting at most `wait`.
    /// - Returns: what `body` returned, or `nil` when another holds the lock and `wait` is `nil`.
    /// - Throws: what `body` throws; `FactoryError` `.stateFolderBusy` at the limit,
    ///   `.invalidConfiguration` when the lock file cannot be made.
    func withLock<T>(of fingerprint: Fingerprint, purpose: String, wait: Duration?, timeoutName: String = ConfigurationKey.lockTimeout.environmentName,
                     _ body: () throws(FactoryError) -> T) throws(FactoryError) -> T? {
        try StateFolder.create(recordsDirectory)
        let path = recordsDirectory + "/\(fingerprint).lock"
        if let wait {
            let lock = try FileLock.acquire(
                path, stateDirectory: directory, purpose: purpose, timeout: wait, timeoutName: timeoutName,
                notice: notice)
            let result = try body()
            lock.release()
            return result
        }
        guard let lock = try FileLock.attempt(path, stateDirectory: directory) else { return nil }
        let result = try body()
        lock.release()
        return result
    }
}

import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// `probes.json`, the single record file of earlier versions, migrated once to one file a record.
extension ProbeStore {
    /// `<state folder>/probes.json`.
    var legacyPath: String { directory + "/probes.json" }

    /// Reads a `probes.json` left by an earlier version and adds its records to `contents` where
    /// no record file of their own exists; then migrates it, without waiting: each record is
    /// written to its own file (when its lock is free and it has none yet), the file system is
    /// flushed once for all of them (not once a record: thousands of records must not make a
    /// read slow), and once all are written, `probes.json` is renamed to `probes.json.migrated`. When it cannot be read (a permission
    /// error) nothing is moved and `contents.problem` says so; a damaged one is set aside (its
    /// records are lost: they were all in it).
    func migrateLegacy(into contents: inout Contents) {
        let bytes: [UInt8]
        switch FileSystem.withContents(of: legacyPath, limit: 64 << 20, { bytes, _, _ in Array(bytes) }) {
        case .failure(.system(let error)) where error.isNotFound || error.isNotDirectory:
            return
        case .failure(.system(let error)):
            let problem = "The probe record file \(legacyPath) of an earlier version cannot be read (\(error)), so the quarantines it holds cannot be known: plugins without a record of their own stay pending. Nothing was moved or replaced; make it readable, or set FACTORY_STATE_DIR to another folder."
            contents.problem = problem
            contents.warnings.append(problem)
            return
        case .failure(.notRegularFile):
            contents.warnings.append(setAsideLegacy(because: "it is not a regular file"))
            return
        case .failure(.tooLarge(let size)):
            contents.warnings.append(setAsideLegacy(because: "it has \(size) bytes, more than 64 MiB"))
            return
        case .success(let read):
            bytes = read
        }
        guard let json = try? JSONValue(parsing: bytes), json["schema"] == 1, let entries = json["entries"]?.objectValue else {
            contents.warnings.append(setAsideLegacy(because: "it is not a probe record file of schema 1"))
            return
        }
        var isComplete = true
        var wrote = false
        for (key, value) in entries {
            guard key.utf8.count <= 16, let number = UInt64(key, radix: 16), let record = ProbeRecord(json: value) else { continue }
            let fingerprint = Fingerprint(value: number)
            if contents.records[fingerprint] == nil, contents.unreadable[fingerprint] == nil {
                contents.records[fingerprint] = record
            }
            let migrated = try? withLock(of: fingerprint, purpose: "migrate the probe record \(fingerprint)", wait: nil) { () throws(FactoryError) -> Bool in
                if case .missing = lookup(fingerprint) {
                    try write(record, fingerprint, isDurable: false)
                    wrote = true
                }
                return true
            }
            if migrated != true { isComplete = false }
        }
        // Until the records are on disk, `probes.json` stays where it is: a crash meanwhile
        // leaves it to be migrated again.
        if wrote { AtomicFile.syncFileSystem(of: recordsDirectory) }
        if isComplete, rename(legacyPath, legacyPath + ".migrated") == 0 {
            AtomicFile.syncFolder(directory)
        }
    }

    private func setAsideLegacy(because why: String) -> String {
        guard let aside = CorruptFiles.setAside(legacyPath) else {
            return "The probe record file \(legacyPath) is damaged (\(why)) and could not be moved aside; its records are not used."
        }
        return "The probe record file \(legacyPath) of an earlier version was moved aside to \(aside) because \(why); its records are lost, so plugins will be probed again."
    }
}

import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// The files of one record: reading, atomic writing, the quarantine marker, setting aside.
extension ProbeStore {
    /// One record as read from its file.
    enum Lookup: Sendable {
        case record(ProbeRecord)
        /// No record file.
        case missing
        /// The file is there but cannot be read: a permission error, an I/O error (the `errno` text).
        case unreadable(String)
        /// The file was read but is not a record of this fingerprint (why).
        case damaged(String)
    }

    static func recordName(_ fingerprint: Fingerprint) -> String { "\(fingerprint).json" }
    static func markerName(_ fingerprint: Fingerprint) -> String { "\(fingerprint).quarantined" }
    func recordPath(_ fingerprint: Fingerprint) -> String { recordsDirectory + "/" + Self.recordName(fingerprint) }
    func markerPath(_ fingerprint: Fingerprint) -> String { recordsDirectory + "/" + Self.markerName(fingerprint) }

    /// The fingerprint a file name `<16 hex digits><suffix>` names.
    /// (Bytes compared and digits read one by one: a state folder holds three names a plugin.)
    static func fingerprint(in name: String, suffix: String) -> Fingerprint? {
        let utf8 = name.utf8
        guard utf8.count == 16 + suffix.utf8.count, utf8.dropFirst(16).elementsEqual(suffix.utf8) else { return nil }
        var value: UInt64 = 0
        for byte in utf8.prefix(16) {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return Fingerprint(value: value)
    }

    /// Reads the record of `fingerprint`; takes no lock. `folder`, when given, is the records
    /// folder open (a one-component path for the kernel to walk, not the whole state path).
    func lookup(_ fingerprint: Fingerprint, in folder: Int32? = nil) -> Lookup {
        let (path, directory) = folder.map { (Self.recordName(fingerprint), $0) } ?? (recordPath(fingerprint), FileSystem.currentFolder)
        switch FileSystem.withContents(of: path, at: directory, limit: 1 << 20, { bytes, _, _ in Array(bytes) }) {
        case .failure(.system(let error)) where error.isNotFound:
            return .missing
        case .failure(.system(let error)):
            return .unreadable("\(error)")
        case .failure(.notRegularFile):
            return .damaged("it is not a regular file")
        case .failure(.tooLarge(let size)):
            return .damaged("it has \(size) bytes, more than a record ever has")
        case .success(let bytes):
            guard let json = try? JSONValue(parsing: bytes) else { return .damaged("it is not JSON") }
            guard json["schema"] == 2, json["fingerprint"]?.stringValue == fingerprint.description, let record = ProbeRecord(json: json) else {
                return .damaged("it is not a probe record of schema 2 for this fingerprint")
            }
            return .record(record)
        }
    }

    /// Replaces the record of `fingerprint` atomically; call holding its lock. A record that
    /// keeps its plugin out of selection gets its marker first (so a quarantine is never stored
    /// without one; when the record then cannot be written, a marker made for it is taken back);
    /// one that does not loses its marker before. The marker names the planner and its bundle,
    /// so a quarantine whose record is lost is still tidied when its bundle changes.
    /// - Parameter isDurable: `false` in a batch that flushes the file system once at its end.
    func write(_ record: ProbeRecord, _ fingerprint: Fingerprint, isDurable: Bool = true) throws(FactoryError) {
        var madeMarker = false
        if record.isPassed {
            try unlinkIfPresent(markerPath(fingerprint))
        } else {
            madeMarker = access(markerPath(fingerprint), F_OK) != 0
            let contents: JSONValue = [
                "planner": .string(record.planner), "bundle": record.bundle.map(JSONValue.string) ?? .null,
                "deep": .bool(record.isDeepFingerprint),
            ]
            try AtomicFile.write(contents.serialized() + "\n", to: markerPath(fingerprint), stateDirectory: directory, isDurable: isDurable)
        }
        var json = record.json
        if case .object(var members) = json {
            members["schema"] = 2
            members["fingerprint"] = .string(fingerprint.description)
            json = .object(members)
        }
        do {
            try AtomicFile.write(json.serialized(pretty: true) + "\n", to: recordPath(fingerprint), stateDirectory: directory, isDurable: isDurable)
        } catch {
            if madeMarker { unlink(markerPath(fingerprint)) }
            throw error
        }
    }

    /// What a quarantine marker names: its planner and bundle (empty for a marker of an earlier version).
    func markerContents(_ fingerprint: Fingerprint) -> (planner: String, bundle: String?, isDeep: Bool) {
        guard case .success(let json) = FileSystem.withContents(of: markerPath(fingerprint), limit: 1 << 16, { bytes, _, _ in
            try? JSONValue(parsing: Array(bytes))
        }), let json else { return ("", nil, false) }
        return (json["planner"]?.stringValue ?? "", json["bundle"]?.stringValue, json["deep"]?.boolValue ?? false)
    }

    /// Removes the record of `fingerprint` and its marker (the marker first: a record left alone
    /// still says what it says); call holding its lock.
    func remove(_ fingerprint: Fingerprint) throws(FactoryError) {
        try unlinkIfPresent(markerPath(fingerprint))
        try unlinkIfPresent(recordPath(fingerprint))
        AtomicFile.syncFolder(recordsDirectory)
    }

    private func unlinkIfPresent(_ path: String) throws(FactoryError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw StateFolder.failure(directory, errno, "cannot remove \(path)") }
    }

    /// Sets a damaged record aside when nobody is writing it and it is still damaged.
    /// - Returns: where it went, or `nil` when it was left (busy, or the folder is read-only).
    func setAsideDamaged(_ fingerprint: Fingerprint) -> String? {
        let path = recordPath(fingerprint)
        let moved = try? withLock(of: fingerprint, purpose: "set aside a damaged record", wait: nil) { () -> String? in
            guard case .damaged = lookup(fingerprint) else { return nil }
            return CorruptFiles.setAside(path)
        }
        return moved ?? nil
    }
}

/// Damaged files set aside as `<name>.corrupt-<seconds>`, of which a folder keeps the last few.
enum CorruptFiles {
    /// How many set-aside files a folder keeps.
    static let kept = 5

    /// Renames `path` to `<path>.corrupt-<seconds>`, then removes the oldest set-aside files of
    /// its folder beyond `kept`.
    /// - Returns: the new path, or `nil` when the rename failed.
    static func setAside(_ path: String) -> String? {
        let aside = path + ".corrupt-\(Int(WallClock.now()))"
        guard rename(path, aside) == 0 else { return nil }
        let slash = path.lastIndex(of: "/")
        prune(slash.map { String(path[..<$0]) } ?? ".")
        return aside
    }

    /// Keeps the newest `kept` set-aside files of `folder` (by the seconds in their names).
    static func prune(_ folder: String) {
        guard case .success(let entries) = FileSystem.listFolder(folder) else { return }
        let aside = entries.compactMap(\.name).compactMap { name -> (seconds: Int, name: String)? in
            guard let range = name.ranges(of: ".corrupt-").last, let seconds = Int(name[range.upperBound...]) else { return nil }
            return (seconds, name)
        }
        for old in aside.sorted(by: { ($0.seconds, $0.name) > ($1.seconds, $1.name) }).dropFirst(kept) {
            unlink(folder + "/" + old.name)
        }
    }
}

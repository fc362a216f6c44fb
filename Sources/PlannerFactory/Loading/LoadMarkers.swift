import CSandbox
import PlannerKit
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Markers of in-process plugin code (`<state folder>/loading/`). A marker is written before a
/// plugin is loaded into the host and kept, locked, as long as the instance it created lives (it
/// is removed when the instance is released, or at once when creation fails). While the process
/// holds its exclusive `flock`, a crash signal on a thread inside the plugin's code — loading,
/// `create`, `plan`, `health` (SIGSEGV, SIGBUS, SIGILL, SIGABRT …) — appends "crashed-by-signal N
/// in PHASE" to it before the process dies. After a successful creation the marker says "loaded",
/// so a process that simply ends with an instance alive is not mistaken for an interrupted load.
///
/// At the next discovery, a marker nobody holds belongs to a process that is gone: if it records a
/// crash, the plugin is quarantined; if not (the process was killed, or the machine stopped), the
/// load is reported as interrupted and the plugin is not blamed. The lock, not the process id,
/// tells a live load from a dead one, so a reused pid or another pid namespace sharing the folder
/// is never mistaken for a crash.
struct LoadMarkers: Sendable {
    /// `<state folder>/loading`.
    let directory: String

    init(stateDirectory: String) {
        directory = stateDirectory + "/loading"
    }

    /// A marker being held during a load.
    struct Held: Sendable {
        let file: String
        let descriptor: Int32
    }

    /// What an abandoned marker records.
    struct Marker: Sendable {
        var file: String
        var processID: Int32
        var fingerprint: Fingerprint
        var planner: String
        var bundle: String?
        var copy: String?
        var timestamp: Double
        /// The crash signal, when the process recorded one.
        var signal: Int32?
        /// The call the crash happened in (`load`, `create`, `plan`, `health`).
        var phase: String?
        /// Whether the instance was created (a marker of a live instance, not of a load).
        var isLoaded = false
    }

    private static let counter = Atomic<Int>(0)

    /// Writes and locks a marker before loading, and arms crash recording on this thread.
    /// - Throws: `FactoryError` naming the state folder when it cannot be written.
    func begin(planner: String, fingerprint: Fingerprint, bundle: String?, copy: String?) throws(FactoryError) -> Held {
        try StateFolder.create(directory)
        let pid = getpid()
        let number = Self.counter.add(1, ordering: .relaxed).newValue
        let file = directory + "/\(pid)-\(number)-\(fingerprint).json"
        let json: JSONValue = [
            "pid": .number(Double(pid)), "fingerprint": .string(fingerprint.description), "planner": .string(planner),
            "bundle": bundle.map(JSONValue.string) ?? .null, "copy": copy.map(JSONValue.string) ?? .null,
            "time": .number(WallClock.now()),
        ]
        let text = json.serialized() + "\n"
        // Written and locked under a temporary name, then renamed: a marker is never seen unlocked.
        let temporary = file + ".tmp"
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateFolder.failure(directory, errno, "cannot write the load marker \(file)") }
        let written = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count, flock(descriptor, LOCK_EX) == 0, rename(temporary, file) == 0 else {
            let error = StateFolder.failure(directory, errno, "cannot write the load marker \(file)")
            unlink(temporary)
            close(descriptor)
            throw error
        }
        csandbox_marker_arm(descriptor)
        return Held(file: file, descriptor: descriptor)
    }

    /// Notes in the marker that the instance was created: from now on it covers the instance's calls.
    func noteLoaded(_ held: Held) {
        csandbox_marker_disarm()
        _ = "loaded\n".utf8CString.withUnsafeBufferPointer { write(held.descriptor, $0.baseAddress, $0.count - 1) }
    }

    /// Removes a marker once the load failed cleanly, or its instance was released.
    func end(_ held: Held) {
        csandbox_marker_disarm()
        unlink(held.file)
        close(held.descriptor)
    }

    /// A marker no live process holds, locked by this process until it is settled: another
    /// process's discovery takes it for a load under way meanwhile, and leaves it alone.
    struct Abandoned: Sendable {
        var marker: Marker
        let descriptor: Int32
    }

    /// Markers that no live process holds, each locked (not removed: `settle(_:removing:)` does
    /// that once what it records is stored).
    func takeAbandoned() -> [Abandoned] {
        guard case .success(let entries) = FileSystem.listFolder(directory) else { return [] }
        return entries.compactMap { entry -> Abandoned? in
            guard let name = entry.name, name.hasSuffix(".json") else { return nil }
            let file = directory + "/" + name
            let descriptor = open(file, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            // Not held by a load under way, and still there: another process may have settled
            // it between the listing and the lock.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, Self.isStillNamed(file, descriptor) else {
                close(descriptor)
                return nil
            }
            guard let marker = read(file) else {
                // Not a marker's name: nothing to record, nothing to keep.
                unlink(file)
                close(descriptor)
                return nil
            }
            return Abandoned(marker: marker, descriptor: descriptor)
        }
    }

    /// Lets go of an abandoned marker: removes it when what it records was stored (or there is
    /// nothing to store), else keeps it for the next discovery to try again.
    func settle(_ abandoned: Abandoned, removing: Bool) {
        if removing { unlink(abandoned.marker.file) }
        close(abandoned.descriptor)
    }

    /// Whether `file` still names the file open as `descriptor`.
    private static func isStillNamed(_ file: String, _ descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor, &opened) == 0 && stat(file, &named) == 0 && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    private func read(_ file: String) -> Marker? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let parts = name.dropLast(5).split(separator: "-")  // <pid>-<number>-<fingerprint>
        guard parts.count == 3, let pid = Int32(parts[0]), let value = UInt64(parts[2], radix: 16) else { return nil }
        var marker = Marker(file: file, processID: pid, fingerprint: Fingerprint(value: value), planner: "unknown", timestamp: WallClock.now())
        let text: String? = if case .success(let text) = FileSystem.withContents(of: file, limit: 1 << 16, { bytes, _, _ in
            String(decoding: bytes, as: UTF8.self)
        }) { text } else { nil }
        let lines = (text ?? "").split(separator: "\n")
        // A marker cut short by the crash it records still counts: its name says enough.
        if let first = lines.first, let json = try? JSONValue(parsing: String(first)) {
            marker.planner = json["planner"]?.stringValue ?? marker.planner
            marker.bundle = json["bundle"]?.stringValue
            marker.copy = json["copy"]?.stringValue
            marker.timestamp = json["time"]?.numberValue ?? marker.timestamp
        }
        if let crash = lines.first(where: { $0.hasPrefix("crashed-by-signal ") }) {
            let words = crash.split(separator: " ")
            marker.signal = words.count > 1 ? Int32(words[1]) : nil
            marker.phase = words.count > 3 && words[2] == "in" ? String(words[3]) : nil
        }
        marker.isLoaded = lines.contains("loaded")
        return marker
    }
}

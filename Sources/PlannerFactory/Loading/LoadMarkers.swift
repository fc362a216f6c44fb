import PlannerKit
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Markers of in-process loads under way (`<state folder>/loading/`). One is written before a
/// plugin is loaded into the host and removed once its instance is created; a marker left by a
/// process that is gone means that process died while loading, and the plugin is quarantined.
/// Each marker names its process id and the process's start time, so the marker of a process
/// still running (another TUI, CLI or application sharing the state folder) is never taken for a
/// crash, nor is a new process that reused the id.
struct LoadMarkers: Sendable {
    /// `<state folder>/loading`.
    let directory: String

    init(stateDirectory: String) {
        directory = stateDirectory + "/loading"
    }

    /// What a marker records.
    struct Marker: Sendable {
        var file: String
        var processID: Int32
        var processStart: UInt64?
        var fingerprint: Fingerprint
        var planner: String
        var bundle: String?
        var copy: String?
        var timestamp: Double
    }

    private static let counter = Atomic<Int>(0)

    /// Writes a marker before loading; returns its file, for `end`.
    /// - Throws: `FactoryError` naming the state folder when it cannot be written.
    func begin(planner: String, fingerprint: Fingerprint, bundle: String?, copy: String?) throws(FactoryError) -> String {
        try StateFolder.create(directory)
        let pid = getpid()
        let number = Self.counter.add(1, ordering: .relaxed).newValue
        let file = directory + "/\(pid)-\(number)-\(fingerprint).json"
        let json: JSONValue = [
            "pid": .number(Double(pid)), "processStart": Self.startTime(of: pid).map { .number(Double($0)) } ?? .null,
            "fingerprint": .string(fingerprint.description), "planner": .string(planner),
            "bundle": bundle.map(JSONValue.string) ?? .null, "copy": copy.map(JSONValue.string) ?? .null,
            "time": .number(WallClock.now()),
        ]
        let text = json.serialized() + "\n"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateFolder.failure(directory, errno, "cannot write the load marker \(file)") }
        let written = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
        guard written == text.utf8.count else { throw StateFolder.failure(directory, errno, "cannot write the load marker \(file)") }
        return file
    }

    /// Removes a marker once the load is over (whether it succeeded or failed cleanly).
    func end(_ file: String) {
        unlink(file)
    }

    /// Markers whose process is gone: loads that never finished.
    func abandoned() -> [Marker] {
        guard case .success(let entries) = FileSystem.listFolder(directory) else { return [] }
        return entries.compactMap { entry -> Marker? in
            guard let name = entry.name, name.hasSuffix(".json") else { return nil }
            guard let marker = read(directory + "/" + name) else { return nil }
            return Self.isRunning(marker) ? nil : marker
        }
    }

    private func read(_ file: String) -> Marker? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let parts = name.dropLast(5).split(separator: "-")  // <pid>-<number>-<fingerprint>
        guard parts.count == 3, let pid = Int32(parts[0]), let value = UInt64(parts[2], radix: 16) else { return nil }
        var marker = Marker(file: file, processID: pid, processStart: nil, fingerprint: Fingerprint(value: value),
                            planner: "unknown", timestamp: WallClock.now())
        // A marker cut short by the crash it records still counts: its name says enough.
        if case .success(let json?) = FileSystem.withContents(of: file, limit: 1 << 16, { bytes, _, _ in try? JSONValue(parsing: Array(bytes)) }) {
            marker.processStart = json["processStart"]?.numberValue.map { UInt64($0) }
            marker.planner = json["planner"]?.stringValue ?? marker.planner
            marker.bundle = json["bundle"]?.stringValue
            marker.copy = json["copy"]?.stringValue
            marker.timestamp = json["time"]?.numberValue ?? marker.timestamp
        }
        return marker
    }

    /// Whether the marker's process is still running (the same process: same start time).
    private static func isRunning(_ marker: Marker) -> Bool {
        guard kill(marker.processID, 0) == 0 || errno == EPERM else { return false }
        guard let recorded = marker.processStart, let current = startTime(of: marker.processID) else { return true }
        return recorded == current
    }

    /// A process's start time in clock ticks since boot (`/proc/PID/stat`, field 22; the file
    /// reports size 0, so it is read until its end).
    static func startTime(of pid: Int32) -> UInt64? {
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0, let close = bytes[..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The standard error of each planner's last worker (its last 64 KiB), kept in the state folder
/// as `workers/NAME.stderr` when the worker ends, so `factory show` can show it from another
/// process. Best effort: a state folder that cannot be written loses the log, nothing else.
public struct WorkerLogs: Sendable {
    /// The state folder.
    public let stateDirectory: String

    public init(stateDirectory: String) {
        self.stateDirectory = stateDirectory
    }

    private var folder: String { stateDirectory + "/workers" }

    private func path(_ planner: String) -> String? {
        PlannerName.isValid(planner) ? folder + "/" + planner + ".stderr" : nil
    }

    /// Replaces the kept log of `planner` (nothing when `text` is empty).
    func save(_ text: String, planner: String) {
        guard !text.isEmpty, let path = path(planner) else { return }
        _ = try? StateFolder.create(stateDirectory)
        mkdir(folder, 0o700)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(text.utf8.suffix(StderrLog.capacity))
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }

    /// The kept log of `planner`'s last worker, or `nil`.
    public func last(planner: String) -> String? {
        guard let path = path(planner) else { return nil }
        switch FileSystem.withContents(of: path, limit: StderrLog.capacity * 2, { bytes, _, _ in String(decoding: bytes, as: UTF8.self) }) {
        case .success(let text): return text
        case .failure: return nil
        }
    }
}

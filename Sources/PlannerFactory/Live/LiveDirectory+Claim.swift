#if canImport(Glibc)
import Glibc
#endif

extension LiveDirectory {
    /// What a running publisher holds: its lock, its listening socket and its files.
    struct Claim: Sendable {
        var id: String
        var lockDescriptor: Int32
        var listener: Int32
        var socketPath: String
        /// `<id>.link`, when the socket sits in a short per-user folder.
        var linkPath: String?
    }

    /// Sets up a publisher of process `pid`: creates the folder (0700; stale publishers' files are
    /// removed), takes the first free id (`pid`, `pid-2` …) by locking its lock file, and listens on
    /// its socket (mode 0600) — `<id>.sock`, or, when that path would not fit in `sun_path`, a
    /// socket in `$XDG_RUNTIME_DIR/planner-factory/` or `/tmp/planner-factory-<uid>/` (0700) named by `<id>.link`.
    /// - Throws: `FactoryError` `.liveUnavailable` naming the folder or socket and why.
    func claim(pid: Int32, stateDirectory: String, environment: [String: String]) throws(FactoryError) -> Claim {
        try StateFolder.create(stateDirectory)
        if let error = LiveSocket.makePrivateFolder(path) { throw Self.failure("the folder \(path) cannot be used", error) }
        _ = publishers()
        var taken: (id: String, lock: Int32)?
        for number in 1...100 where taken == nil {
            let id = number == 1 ? "\(pid)" : "\(pid)-\(number)"
            switch LiveSocket.lock(file(id, "lock")) {
            case .success(let descriptor): taken = (id, descriptor)
            case .failure(let error) where error.code == EWOULDBLOCK: continue
            case .failure(let error): throw Self.failure("the lock file \(file(id, "lock")) cannot be made", error)
            }
        }
        guard let (id, lock) = taken else {
            throw FactoryError(.liveUnavailable, "Cannot publish live events: process \(pid) already publishes 100 factories in \(path).",
                               context: ["path": path])
        }
        do throws(FactoryError) {
            let (socket, isLinked) = try socketPath(for: id, stateDirectory: stateDirectory, environment: environment)
            unlink(socket)  // a socket left by a gone publisher of this id: its lock is ours now
            let listener: Int32
            switch LiveSocket.listen(socket) {
            case .success(let descriptor): listener = descriptor
            case .failure(let error): throw Self.failure("cannot listen on \(socket)", error)
            }
            guard isLinked else { return Claim(id: id, lockDescriptor: lock, listener: listener, socketPath: socket) }
            if let error = writeLink(id, to: socket) {
                close(listener)
                unlink(socket)
                throw Self.failure("cannot write \(file(id, "link"))", error)
            }
            return Claim(id: id, lockDescriptor: lock, listener: listener, socketPath: socket, linkPath: file(id, "link"))
        } catch {
            unlink(file(id, "lock"))
            close(lock)
            throw error
        }
    }

    /// Removes a stopped publisher's files (its lock last, while it still holds it) and closes them.
    func release(_ claim: Claim) {
        close(claim.listener)
        removeFiles(of: claim.id, socket: claim.socketPath)
        close(claim.lockDescriptor)
    }

    /// `<live>/<id>.sock` when it fits in `sun_path`, else a socket in a short per-user folder.
    private func socketPath(for id: String, stateDirectory: String, environment: [String: String]) throws(FactoryError) -> (String, Bool) {
        let direct = file(id, "sock")
        if direct.utf8.count <= LiveSocket.pathMax { return (direct, false) }
        var folders = ["/tmp/planner-factory-\(getuid())"]
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { folders.insert(runtime + "/planner-factory", at: 0) }
        var problems: [String] = []
        for folder in folders {
            let socket = "\(folder)/\(id)-\(Self.digest(stateDirectory)).sock"
            guard socket.utf8.count <= LiveSocket.pathMax else {
                problems.append("\(socket) is longer than \(LiveSocket.pathMax) bytes")
                continue
            }
            if let error = LiveSocket.makePrivateFolder(folder) {
                problems.append("\(folder): \(error)")
                continue
            }
            return (socket, true)
        }
        throw FactoryError(
            .liveUnavailable,
            "Cannot publish live events: \(direct) is longer than a socket path may be (\(LiveSocket.pathMax) bytes), and no short folder can be used (\(problems.joined(separator: "; "))).",
            context: ["path": path])
    }

    /// Writes `<id>.link` (mode 0600) naming `socket`, through a temporary file and a rename.
    private func writeLink(_ id: String, to socket: String) -> Errno? {
        let temporary = file(id, "link-new")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return Errno(errno) }
        let text = Array((socket + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let error = written == text.count ? nil : Errno(written < 0 ? errno : EIO)
        close(descriptor)
        if let error {
            unlink(temporary)
            return error
        }
        return rename(temporary, file(id, "link")) == 0 ? nil : Errno(errno)
    }

    /// 8 hex digits of FNV-1a over the state folder's path: one socket name per state folder and id.
    static func digest(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    static func failure(_ what: String, _ error: Errno) -> FactoryError {
        FactoryError(.liveUnavailable, "Cannot publish live events: \(what) (\(error)).")
    }
}

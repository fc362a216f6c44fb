#if canImport(Glibc)
import Glibc
#endif

/// A state folder's `live/` folder (mode 0700), where each publisher keeps, under its id (its pid,
/// or `pid-N`): `<id>.lock`, locked by the publisher for as long as it runs, and `<id>.sock` (or
/// `<id>.link`, naming a socket in a short per-user folder).
///
/// A publisher that is gone is told by its lock (free) or, for a socket without a lock, by a
/// refused connection — never by its pid, since pids are reused. Listing removes what it left.
public struct LiveDirectory: Sendable {
    /// `<state>/live`.
    public let path: String

    /// The live folder of a state folder.
    public init(stateDirectory: String) {
        path = (stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory) + "/live"
    }

    /// The live publishers, by pid then id. Files of publishers that are gone are removed on the way.
    public func publishers() -> [LiveEndpoint] {
        guard case .success(let entries) = FileSystem.listFolder(path) else { return [] }
        var ids: [String: Set<String>] = [:]
        for entry in entries {
            guard let name = entry.name, let dot = name.lastIndex(of: ".") else { continue }
            let suffix = String(name[name.index(after: dot)...])
            guard ["lock", "sock", "link"].contains(suffix), LiveEndpoint.pid(ofID: name[..<dot]) != nil else { continue }
            ids[String(name[..<dot]), default: []].insert(suffix)
        }
        return ids.compactMap { id, suffixes in endpoint(id, suffixes) }
            .sorted { ($0.pid, $0.id.utf8.count, $0.id) < ($1.pid, $1.id.utf8.count, $1.id) }
    }

    /// The endpoint of `id` when its publisher is alive (or cannot be told dead); `nil` after
    /// removing the files of one that is gone.
    private func endpoint(_ id: String, _ suffixes: Set<String>) -> LiveEndpoint? {
        guard let pid = LiveEndpoint.pid(ofID: Substring(id)) else { return nil }
        let socket = socketPath(of: id, suffixes)
        if suffixes.contains("lock") {
            switch LiveSocket.probeLock(file(id, "lock")) {
            case .held:
                return socket.map { LiveEndpoint(id: id, pid: pid, socketPath: $0) }
            case .free(let descriptor):
                removeFiles(of: id, socket: socket)
                close(descriptor)
                return nil
            case .unknown(let error) where error.isNotFound:
                return nil
            case .unknown:
                // Another user's folder (root, or a folder loosened by hand): the connection decides.
                return socket.map { LiveEndpoint(id: id, pid: pid, socketPath: $0) }
            }
        }
        // No lock: a leftover, unless something listens there.
        guard let socket else { return nil }
        switch LiveSocket.connect(socket) {
        case .success(let descriptor):
            close(descriptor)
            return LiveEndpoint(id: id, pid: pid, socketPath: socket)
        case .failure(let error) where error.code == ECONNREFUSED || error.code == ENOENT:
            // A publisher takes its lock before it binds: one that holds it now is starting.
            if case .held = LiveSocket.probeLock(file(id, "lock")) { return nil }
            removeFiles(of: id, socket: socket)
            return nil
        case .failure:
            return LiveEndpoint(id: id, pid: pid, socketPath: socket)
        }
    }

    /// `<id>.sock`, or the socket `<id>.link` names.
    func socketPath(of id: String, _ suffixes: Set<String>) -> String? {
        if suffixes.contains("sock") { return file(id, "sock") }
        guard suffixes.contains("link") else { return nil }
        let read = FileSystem.withContents(of: file(id, "link"), limit: 4096) { bytes, _, isLink in
            isLink ? nil : String(validating: bytes, as: UTF8.self)
        }
        guard case .success(let text?) = read else { return nil }
        let target = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return target.hasPrefix("/") && target.hasSuffix(".sock") ? target : nil
    }

    /// Removes a gone publisher's socket (a linked one only when it is this user's socket), its
    /// link and, last, its lock file (while the caller holds that lock).
    func removeFiles(of id: String, socket: String?) {
        if let socket, socket != file(id, "sock"), LiveSocket.isOwnSocket(socket) { unlink(socket) }
        unlink(file(id, "sock"))
        unlink(file(id, "link"))
        unlink(file(id, "lock"))
    }

    /// `<live>/<id>.<suffix>`.
    func file(_ id: String, _ suffix: String) -> String {
        "\(path)/\(id).\(suffix)"
    }
}

#if canImport(Glibc)
import Glibc

/// Change notification for fast rediscovery (Linux `inotify`): a watch on each search folder
/// and on each bundle folder, added *before* the folder is listed or examined, so any later
/// change to it queues an event. When no event is queued, nothing the fast fingerprint covers can
/// have changed, and rediscovery skips re-examining the watched bundles entirely.
///
/// Watches are added by the first rediscovery (a full `stat` pass), not by the first discovery:
/// a one-shot process (the CLI) never pays for them.
///
/// What a folder watch cannot see is never trusted to it: bundles whose manifest or library is a
/// link, or whose library sits in a sub-folder, are re-checked by `stat` every time; a search
/// folder that could not be watched, a lost watch or an overflowing queue means a full pass.
final class ChangeWatcher: Sendable {
    private let descriptor: Int32
    /// The search folders watched, each with the identity (device, inode) of the folder its path
    /// led to, and the bundle folders watched.
    private let watched = Locked<(folders: [String: FolderIdentity], bundles: Set<String>)>(([:], []))

    private struct FolderIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// A watcher, or `nil` when the system has none to give (then rediscovery uses `stat`).
    init?() {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    private static let folderEvents = UInt32(
        IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches a bundle folder (again: an existing watch is kept); remembers whether it could.
    func watchBundle(_ path: String) {
        let isWatched = inotify_add_watch(descriptor, path, Self.folderEvents) >= 0
        watched.withLock { watched in
            if isWatched { watched.bundles.insert(path) } else { watched.bundles.remove(path) }
        }
    }

    /// Watches a search folder (for bundles added and removed); remembers whether it could, and
    /// which folder the path led to.
    func watchSearchFolder(_ path: String) {
        let identity = Self.identity(of: path)
        let isWatched = identity != nil && inotify_add_watch(descriptor, path, Self.folderEvents) >= 0
        watched.withLock { watched in watched.folders[path] = isWatched ? identity : nil }
    }

    /// Whether every one of `folders` is watched and its path still leads to the folder watched
    /// (a link on the way, such as `current -> v1`, may have been switched to another folder).
    func isWatching(searchFolders folders: [String]) -> Bool {
        let identities = folders.map(Self.identity)
        return watched.withLock { watched in
            zip(folders, identities).allSatisfy { folder, identity in identity != nil && watched.folders[folder] == identity }
        }
    }

    private static func identity(of path: String) -> FolderIdentity? {
        guard case .success(let status) = FileSystem.status(path), status.isDirectory else { return nil }
        return FolderIdentity(device: status.device, inode: status.inode)
    }

    /// The indices of the bundles a watch does not cover: not watchable, or not watched.
    func uncovered(_ bundles: [ScannedBundle]) -> [Int] {
        watched.withLock { watched in
            bundles.indices.filter { !bundles[$0].isWatchable || !watched.bundles.contains(bundles[$0].location.path) }
        }
    }

    /// Reads every queued event; whether there was any (a change, a lost watch, an overflow).
    func drainEvents() -> Bool {
        var sawEvent = false
        withUnsafeTemporaryAllocation(byteCount: 65_536, alignment: 8) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count > 0 {
                    sawEvent = true
                    continue
                }
                if count < 0, errno == EINTR { continue }
                return
            }
        }
        return sawEvent
    }
}
#else
/// No change notification on this system: rediscovery always uses `stat`.
final class ChangeWatcher: Sendable {
    init?() { return nil }
    func watchBundle(_ path: String) {}
    func watchSearchFolder(_ path: String) {}
    func isWatching(searchFolders folders: [String]) -> Bool { false }
    func uncovered(_ bundles: [ScannedBundle]) -> [Int] { Array(bundles.indices) }
    func drainEvents() -> Bool { true }
}
#endif

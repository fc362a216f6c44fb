#if canImport(Glibc)
import Glibc

/// Change notification for fast rediscovery (Linux `inotify`): a watch on each search folder
/// and on each bundle folder, added *before* the folder is listed or read, so any later change
/// to it queues an event. When no event is queued, nothing the fast fingerprint covers can have
/// changed, and rediscovery skips re-examining the watched bundles entirely.
///
/// What a folder watch cannot see is never trusted to it: bundles whose manifest or library is a
/// link, or whose library sits in a sub-folder, are re-checked by `stat` every time; a search
/// folder that could not be watched, a lost watch or an overflowing queue means a full pass.
final class ChangeWatcher: Sendable {
    private let descriptor: Int32
    /// The search folders currently watched.
    private let watchedFolders = Locked<Set<String>>([])

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

    /// Watches a bundle folder; `false` when it cannot (the watch limit, a vanished folder).
    func watchBundle(_ path: String) -> Bool {
        inotify_add_watch(descriptor, path, Self.folderEvents) >= 0
    }

    /// Watches a search folder (for bundles added and removed); remembers whether it could.
    func watchSearchFolder(_ path: String) {
        let isWatched = inotify_add_watch(descriptor, path, Self.folderEvents) >= 0
        watchedFolders.withLock { folders in
            if isWatched { folders.insert(path) } else { folders.remove(path) }
        }
    }

    /// Whether every one of `folders` is watched.
    func isWatching(_ folders: [String]) -> Bool {
        watchedFolders.withLock { watched in folders.allSatisfy(watched.contains) }
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
    func watchBundle(_ path: String) -> Bool { false }
    func watchSearchFolder(_ path: String) {}
    func isWatching(_ folders: [String]) -> Bool { false }
    func drainEvents() -> Bool { true }
}
#endif

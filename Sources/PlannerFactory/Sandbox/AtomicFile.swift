import CSandbox
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Files of the state folder replaced atomically: written to a temporary file beside them,
/// flushed to disk, then renamed over them, so a reader (or a crash) sees the old file or the
/// new one, never a part.
enum AtomicFile {
    /// Writes `text` to `path` atomically.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) naming the state folder, the file and
    ///   the error (no space, read-only …); the old file is left as it was.
    ///   - isDurable: whether the file and its folder are flushed to disk before it returns; a batch
    ///     of writes passes `false` and calls `syncFileSystem(of:)` once at its end.
    static func write(_ text: String, to path: String, stateDirectory: String, isDurable: Bool = true) throws(FactoryError) {
        var temporary = temporaryPath(for: path)
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        // A file of that name left by a process that died writing (the names are random, so this
        // is rare): another name.
        for _ in 0..<8 where descriptor < 0 && errno == EEXIST {
            temporary = temporaryPath(for: path)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw StateFolder.failure(stateDirectory, errno, "cannot create \(temporary)") }
        var error: Int32 = 0
        text.utf8CString.withUnsafeBufferPointer { buffer in
            var offset = 0
            let total = buffer.count - 1
            while offset < total {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, total - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    error = errno
                    return
                }
                offset += count
            }
        }
        if error == 0, isDurable, fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0, error == 0 { error = errno }
        if error == 0, rename(temporary, path) != 0 { error = errno }
        guard error == 0 else {
            unlink(temporary)
            throw StateFolder.failure(stateDirectory, error, "cannot write \(path)")
        }
        guard isDurable else { return }
        let slash = path.lastIndex(of: "/")
        syncFolder(slash.map { String(path[..<$0]) } ?? ".")
    }

    /// Flushes everything written to the file system holding `folder` (a batch of writes made
    /// with `isDurable: false`) in one call; best effort.
    static func syncFileSystem(of folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        csandbox_sync_file_system(descriptor)
        close(descriptor)
    }

    /// Flushes a folder's entries (a rename or a new file in it) to disk; best effort.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// `<folder>/.<name>.tmp-<pid>-<n>-<random>`: hidden, and unique to this process and call
    /// even where every process is pid 1 (containers) and one left files behind.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return folder + "/.\(name).tmp-\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)-\(random)"
    }

    /// Whether `name` is one of these temporary files (left behind when a process died writing).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    private static let counter = Atomic<Int>(0)
}

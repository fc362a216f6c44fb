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
    static func write(_ text: String, to path: String, stateDirectory: String) throws(FactoryError) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
        if error == 0, fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0, error == 0 { error = errno }
        if error == 0, rename(temporary, path) != 0 { error = errno }
        guard error == 0 else {
            unlink(temporary)
            throw StateFolder.failure(stateDirectory, error, "cannot write \(path)")
        }
        let slash = path.lastIndex(of: "/")
        syncFolder(slash.map { String(path[..<$0]) } ?? ".")
    }

    /// Flushes a folder's entries (a rename or a new file in it) to disk; best effort.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// `<folder>/.<name>.tmp-<pid>-<n>`: hidden, unique to this process and call.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return folder + "/.\(name).tmp-\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
    }

    /// Whether `name` is one of these temporary files (left behind when a process died writing).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    private static let counter = Atomic<Int>(0)
}

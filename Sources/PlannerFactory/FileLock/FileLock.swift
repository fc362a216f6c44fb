#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file in the state folder, taken at once or with a deadline.
///
/// The holder writes its pid and the time into the file right after taking it, so a process that
/// waits can say who holds the lock and for how long (`LockHolder`). The lock is released when the
/// value ends (`release()`, or its descriptor is closed), also when the process dies. A lock file
/// may be removed by its holder; a process that opened it before and locks it afterwards sees that
/// the path names another file now, and starts again.
struct FileLock: ~Copyable {
    /// The lock file.
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock when nobody holds it.
    /// - Parameter stateDirectory: the state folder, for errors.
    /// - Returns: the lock, or `nil` when another holds it.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) when the lock file cannot be opened or locked.
    static func attempt(_ path: String, stateDirectory: String) throws(FactoryError) -> FileLock? {
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw StateFolder.failure(stateDirectory, errno, "cannot open the lock file \(path)") }
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let error = errno
                if error == EINTR { continue }
                close(descriptor)
                if error == EWOULDBLOCK { return nil }
                throw StateFolder.failure(stateDirectory, error, "cannot lock \(path)")
            }
            // Its last holder may have removed the file between our open and our flock.
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev else {
                close(descriptor)
                continue
            }
            let line = LockHolder.ownLine
            if ftruncate(descriptor, 0) == 0 {
                _ = line.utf8CString.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count - 1, 0) }
            }
            return FileLock(path: path, descriptor: descriptor)
        }
        throw StateFolder.failure(stateDirectory, EAGAIN, "the lock file \(path) keeps being replaced")
    }

    /// Takes the lock, waiting at most `timeout` for its holder. After `noticeAfter` of waiting,
    /// `notice` is told once who holds it and for how long.
    /// - Parameters:
    ///   - purpose: what the lock is for, completing "Waiting to …" and "Could not …", e.g.
    ///     "save the probe record of grid-greedy-c (8a7f3370352c668e)".
    ///   - timeoutName: where the limit comes from, for messages (`FACTORY_LOCK_TIMEOUT`).
    /// - Throws: `FactoryError` `.stateFolderBusy` naming the holder at the limit (nothing was
    ///   done), or `.invalidConfiguration` when the lock file cannot be opened.
    static func acquire(
        _ path: String, stateDirectory: String, purpose: String, timeout: Duration, timeoutName: String,
        noticeAfter: Duration = .seconds(1), notice: (@Sendable (String) -> Void)?
    ) throws(FactoryError) -> FileLock {
        let start = ContinuousClock.now
        var pause = Duration.milliseconds(1)
        var isNoticed = false
        while true {
            if let lock = try attempt(path, stateDirectory: stateDirectory) { return lock }
            let waited = ContinuousClock.now - start
            // Said before giving up, so a wait that reaches its limit has always been announced.
            if !isNoticed, waited >= noticeAfter, let notice {
                isNoticed = true
                notice("Waiting to \(purpose): the lock \(path) is held by \(LockHolder.read(path)); waiting at most \(LockHolder.format(timeout.seconds)) s (\(timeoutName)).")
            }
            if waited >= timeout {
                let holder = LockHolder.read(path)
                throw FactoryError(
                    .stateFolderBusy,
                    "Could not \(purpose): the lock \(path) is held by \(holder); gave up after \(LockHolder.format(timeout.seconds)) s (\(timeoutName)), and nothing was written.",
                    context: ["path": path, "pid": holder.processID.map { String($0) } ?? ""])
            }
            let rest = timeout - waited
            let nap = min(pause, rest)
            var request = timespec(tv_sec: Int(nap.components.seconds), tv_nsec: Int(nap.components.attoseconds / 1_000_000_000))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
            pause = min(pause * 2, .milliseconds(20))
        }
    }

    /// Releases the lock (ending the value; the lock is held until here).
    consuming func release() {}
}

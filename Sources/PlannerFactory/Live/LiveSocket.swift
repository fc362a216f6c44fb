import CLive

#if canImport(Glibc)
import Glibc
#endif

/// The system calls of live publishing: Unix-domain sockets, peer credentials, lock files, private
/// folders and an eventfd (the one Swift file that imports the `CLive` shim).
enum LiveSocket {
    /// A connection accepted by a listener, with the peer's credentials (`SO_PEERCRED`).
    struct Peer {
        var descriptor: Int32
        var uid: UInt32
        var pid: Int32
    }

    /// What probing a lock file found.
    enum LockProbe {
        /// Another descriptor holds it: its publisher is alive (or starting).
        case held
        /// Nobody holds it: the publisher is gone. The lock is now held by this descriptor, so the
        /// caller can remove the publisher's files before closing it.
        case free(Int32)
        /// It cannot be told (no such file, no permission).
        case unknown(Errno)
    }

    /// The longest socket path that fits in `sun_path`.
    static let pathMax = Int(clive_socket_path_max())

    /// A listening socket at `path`, mode 0600, non-blocking.
    static func listen(_ path: String) -> Result<Int32, Errno> {
        result(clive_listen(path, 64))
    }

    /// A connected blocking socket to `path`.
    static func connect(_ path: String) -> Result<Int32, Errno> {
        result(clive_connect(path))
    }

    /// The next waiting connection (non-blocking) and its peer's uid and pid; `EAGAIN` when none waits.
    static func accept(_ listener: Int32) -> Result<Peer, Errno> {
        var uid: uid_t = 0
        var pid: pid_t = 0
        let descriptor = clive_accept(listener, &uid, &pid)
        guard descriptor >= 0 else { return .failure(Errno(-descriptor)) }
        return .success(Peer(descriptor: descriptor, uid: UInt32(uid), pid: Int32(pid)))
    }

    /// Sends what the socket takes now; 0 when it takes nothing.
    static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, Errno> {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(0) }
        let sent = clive_send(descriptor, base, bytes.count)
        return sent >= 0 ? .success(sent) : .failure(Errno(Int32(-sent)))
    }

    /// Reads what is there: 0 at the end, `EAGAIN` when nothing is there (non-blocking).
    static func receive(_ descriptor: Int32, into bytes: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        guard let base = bytes.baseAddress else { return .success(0) }
        let got = clive_receive(descriptor, base, bytes.count)
        return got >= 0 ? .success(got) : .failure(Errno(Int32(-got)))
    }

    /// Waits until `descriptor` is readable (or closed); `false` when `milliseconds` passed first.
    static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Bool {
        clive_wait_readable(descriptor, milliseconds) != 0
    }

    /// Takes the exclusive lock of `path` (creating it) without waiting.
    static func lock(_ path: String) -> Result<Int32, Errno> {
        result(clive_lock(path))
    }

    /// Whether another process holds the lock of `path`.
    static func probeLock(_ path: String) -> LockProbe {
        var descriptor: Int32 = -1
        let status = clive_probe_lock(path, &descriptor)
        if status == 1 { return .held }
        if status == 0 { return .free(descriptor) }
        return .unknown(Errno(-status))
    }

    /// Makes `path` a folder only this user can enter (created 0700; another owner's folder or a
    /// link is refused).
    static func makePrivateFolder(_ path: String) -> Errno? {
        let status = clive_private_folder(path)
        return status == 0 ? nil : Errno(-status)
    }

    /// Whether `path` is a socket owned by this user.
    static func isOwnSocket(_ path: String) -> Bool {
        clive_is_own_socket(path) == 1
    }

    /// Reads a small file whose size the kernel does not report (`/proc/self/cmdline`).
    static func readFile(_ path: String, limit: Int = 64 << 10) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: limit)
        let count = bytes.withUnsafeMutableBytes { clive_read_file(path, $0.baseAddress, limit) }
        guard count >= 0 else { return nil }
        return Array(bytes.prefix(Int(count)))
    }

    /// A non-blocking eventfd for waking a poll loop.
    static func makeWakeDescriptor() -> Result<Int32, Errno> {
        result(clive_eventfd())
    }

    /// Wakes the poller of an eventfd.
    static func signal(_ descriptor: Int32) {
        clive_eventfd_signal(descriptor)
    }

    /// Empties an eventfd.
    static func drain(_ descriptor: Int32) {
        clive_eventfd_drain(descriptor)
    }

    private static func result(_ value: Int32) -> Result<Int32, Errno> {
        value >= 0 ? .success(value) : .failure(Errno(-value))
    }
}

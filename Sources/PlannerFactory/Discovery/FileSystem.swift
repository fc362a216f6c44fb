#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the system calls discovery needs. The only file in Discovery that talks to
/// the C library directly.
enum FileSystem {
    /// What `stat` says about a file, reduced to what fingerprints and checks need.
    struct Status: Hashable, Sendable {
        var size: UInt64
        var modificationNanoseconds: UInt64
        var inode: UInt64
        var device: UInt64
        var isDirectory: Bool
        var isRegularFile: Bool
        var isSymbolicLink: Bool
        /// The permission bits (`st_mode & 0o7777`).
        var permissions: UInt32

        /// Whether any execute bit is set. Checked on the mode itself: for root, `access(X_OK)`
        /// says yes to files no one may execute.
        var isExecutable: Bool { permissions & 0o111 != 0 }

        init(_ info: stat) {
            size = UInt64(max(0, info.st_size))
            modificationNanoseconds = UInt64(max(0, info.st_mtim.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, info.st_mtim.tv_nsec))
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
            let type = info.st_mode & S_IFMT
            isDirectory = type == S_IFDIR
            isRegularFile = type == S_IFREG
            isSymbolicLink = type == S_IFLNK
            permissions = UInt32(info.st_mode & 0o7777)
        }
    }

    /// The "current folder" descriptor: paths are then absolute or relative to the working folder.
    static let currentFolder = AT_FDCWD

    /// `stat` (following links) of `path`, relative to the folder `directory` (a descriptor
    /// saves the kernel walking the whole absolute path), or the `errno` it failed with.
    static func status(_ path: String, at directory: Int32 = currentFolder) -> Result<Status, Errno> {
        var info = stat()
        guard fstatat(directory, path, &info, 0) == 0 else { return .failure(Errno(errno)) }
        return .success(Status(info))
    }

    /// `lstat` (not following a final link), relative to `directory`, or the `errno` it failed with.
    static func linkStatus(_ path: String, at directory: Int32 = currentFolder) -> Result<Status, Errno> {
        var info = stat()
        guard fstatat(directory, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(Errno(errno)) }
        return .success(Status(info))
    }

    /// A path's own status (`lstat`) and, when it is a symbolic link, its target's (`stat`): what
    /// fingerprints record, so replacing a file by a link to it is a change.
    struct PathState: Sendable {
        var own: Result<Status, Errno>
        var target: Result<Status, Errno>? = nil
    }

    static func pathState(_ path: String, at directory: Int32 = currentFolder) -> PathState {
        let own = linkStatus(path, at: directory)
        guard case .success(let status) = own, status.isSymbolicLink else { return PathState(own: own, target: nil) }
        return PathState(own: own, target: self.status(path, at: directory))
    }

    /// Visits every file and folder below `path` without following links, in byte order of the
    /// names (which need not be UTF-8): the relative path's bytes and its `lstat`. At most 32 deep.
    static func walk(_ path: String, visit: (_ relativePath: [UInt8], Result<Status, Errno>) -> Void) {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return visit([], .failure(Errno(errno))) }
        walk(root, prefix: [], depth: 0, visit: visit)
    }

    /// Walks the folder open as `folder` (and closes it).
    private static func walk(_ folder: Int32, prefix: [UInt8], depth: Int, visit: (_ relativePath: [UInt8], Result<Status, Errno>) -> Void) {
        guard let stream = fdopendir(folder) else {
            close(folder)
            return visit(prefix, .failure(Errno(errno)))
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [UInt8(ascii: ".")], name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let relative = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
            var info = stat()
            let cName = name.map { CChar(bitPattern: $0) } + [0]
            let result: Result<Status, Errno> = fstatat(folder, cName, &info, AT_SYMLINK_NOFOLLOW) == 0
                ? .success(Status(info)) : .failure(Errno(errno))
            visit(relative, result)
            if case .success(let status) = result, status.isDirectory, depth < 32 {
                let child = openat(folder, cName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { walk(child, prefix: relative, depth: depth + 1, visit: visit) }
            }
        }
    }

    /// Opens a folder for `*at` calls; `nil` when it cannot be opened (callers fall back to paths).
    static func openFolder(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    static func closeFolder(_ descriptor: Int32) {
        close(descriptor)
    }

    /// One entry of a folder listing.
    struct Entry: Sendable {
        /// The name, when its bytes are plain UTF-8 (what the state folder's own files have).
        var name: String? { PathBytes.holdsRawBytes(exactName) ? nil : exactName }
        /// The name, every byte kept (`PathBytes`): bytes that are not UTF-8 as escapes.
        var exactName: String
        /// Whether `readdir` said it is a folder, a link, or did not say.
        var type: UInt8
        /// The name's first 8 bytes (the bytes it stands for), big-endian and zero-padded: names
        /// hold no NUL, so the keys' order is the names' byte order wherever the keys differ.
        var sortKey: UInt64

        init(exactName: String, type: UInt8) {
            self.init(exactName: exactName, type: type, nameBytes: PathBytes.bytes(of: exactName))
        }

        init(exactName: String, type: UInt8, nameBytes: some Collection<UInt8>) {
            self.exactName = exactName
            self.type = type
            var key: UInt64 = 0
            for (position, byte) in nameBytes.prefix(8).enumerated() { key |= UInt64(byte) << (56 - 8 * position) }
            sortKey = key
        }
    }

    /// The entries of a folder except `.` and `..`, or the `errno` opening it failed with.
    static func listFolder(_ path: String) -> Result<[Entry], Errno> {
        guard let directory = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        // A folder's link count is 2 + its sub-folders on most file systems (1 where it is not
        // kept): room for them at once, rather than copying a growing array of thousands.
        var info = stat()
        if fstat(dirfd(directory), &info) == 0, info.st_nlink > 2 {
            entries.reserveCapacity(Int(min(info.st_nlink - 2, 1 << 20)))
        }
        while let pointer = readdir(directory) {
            let (name, type): (Entry?, UInt8) = withUnsafePointer(to: &pointer.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                    let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
                    let buffer = UnsafeBufferPointer(start: bytes, count: length)
                    if length == 1 && bytes[0] == UInt8(ascii: ".") { return (nil, 0) }
                    if length == 2 && bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: ".") { return (nil, 0) }
                    return (Entry(exactName: PathBytes.string(decoding: buffer), type: 0, nameBytes: buffer), pointer.pointee.d_type)
                }
            }
            if var entry = name {
                entry.type = type
                entries.append(entry)
            }
        }
        return .success(entries)
    }

    static let typeDirectory = UInt8(DT_DIR)
    static let typeRegular = UInt8(DT_REG)
    static let typeLink = UInt8(DT_LNK)
    static let typeUnknown = UInt8(DT_UNKNOWN)

    /// Reads a whole file of at most `limit` bytes, relative to `directory`, and passes its
    /// contents (in a temporary buffer, on the stack when small), its `fstat` and whether the
    /// path is a symbolic link to `body`. Reads the size `fstat` reported, and stops there.
    static func withContents<T>(
        of path: String, at directory: Int32 = currentFolder, limit: Int,
        _ body: (UnsafeBufferPointer<UInt8>, Status, _ isLink: Bool) -> T
    ) -> Result<T, ReadFailure> {
        var isLink = false
        // Non-blocking, so a FIFO named planner.json cannot hang discovery; it is refused below.
        var descriptor = openat(directory, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0, errno == ELOOP {  // a link (or a loop): follow it this time
            isLink = true
            descriptor = openat(directory, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        }
        guard descriptor >= 0 else { return .failure(.system(Errno(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(Errno(errno))) }
        let status = Status(info)
        guard !status.isDirectory else { return .failure(.system(Errno(EISDIR))) }
        guard status.isRegularFile else { return .failure(.notRegularFile) }
        guard status.size <= UInt64(limit) else { return .failure(.tooLarge(status.size)) }
        let expected = Int(status.size)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, expected)) { buffer in
            var total = 0
            while total < expected {
                let count = read(descriptor, buffer.baseAddress.map { $0 + total }, expected - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(.system(Errno(errno)))
                }
                if count == 0 { break }  // the file shrank since fstat
                total += count
            }
            return .success(body(UnsafeBufferPointer(rebasing: buffer[..<total]), status, isLink))
        }
    }

    /// Why reading a file failed.
    enum ReadFailure: Error {
        case system(Errno)
        case tooLarge(UInt64)
        /// A FIFO, socket or device.
        case notRegularFile
    }

    /// The canonical path when it can be resolved, else the path as given (what probe records
    /// keep, so a bundle has one name from every working folder).
    static func canonicalPath(_ path: String) -> String {
        if case .success(let real) = realPath(path) { return real }
        return path
    }

    /// The canonical path (all links resolved), or the `errno`.
    static func realPath(_ path: String) -> Result<String, Errno> {
        guard let resolved = realpath(path, nil) else { return .failure(Errno(errno)) }
        defer { free(resolved) }
        return .success(PathBytes.string(cString: resolved))
    }
}

/// A C `errno` value with its message.
struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }

    var isNotFound: Bool { code == ENOENT }
    var isLoop: Bool { code == ELOOP }
    var isPermissionDenied: Bool { code == EACCES || code == EPERM }
    var isNotDirectory: Bool { code == ENOTDIR }

    var description: String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message).lowercased()
    }
}

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

        init(_ info: stat) {
            size = UInt64(max(0, info.st_size))
            modificationNanoseconds = UInt64(max(0, info.st_mtim.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, info.st_mtim.tv_nsec))
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
            let type = info.st_mode & S_IFMT
            isDirectory = type == S_IFDIR
            isRegularFile = type == S_IFREG
            isSymbolicLink = type == S_IFLNK
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
        /// The name, when it is valid UTF-8.
        var name: String?
        /// The name's raw bytes, decoded with replacement characters (for messages).
        var displayName: String
        /// Whether `readdir` said it is a folder, a link, or did not say.
        var type: UInt8
    }

    /// The entries of a folder except `.` and `..`, or the `errno` opening it failed with.
    static func listFolder(_ path: String) -> Result<[Entry], Errno> {
        guard let directory = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let (name, type): (Entry?, UInt8) = withUnsafePointer(to: &pointer.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                    let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
                    let buffer = UnsafeBufferPointer(start: bytes, count: length)
                    if length == 1 && bytes[0] == UInt8(ascii: ".") { return (nil, 0) }
                    if length == 2 && bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: ".") { return (nil, 0) }
                    let valid = String(validating: buffer, as: UTF8.self)
                    return (Entry(name: valid, displayName: valid ?? String(decoding: buffer, as: UTF8.self), type: 0), pointer.pointee.d_type)
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
        var descriptor = openat(directory, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0, errno == ELOOP {  // a link (or a loop): follow it this time
            isLink = true
            descriptor = openat(directory, path, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return .failure(.system(Errno(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(Errno(errno))) }
        let status = Status(info)
        guard !status.isDirectory else { return .failure(.system(Errno(EISDIR))) }
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
    }

    /// The canonical path (all links resolved), or the `errno`.
    static func realPath(_ path: String) -> Result<String, Errno> {
        guard let resolved = realpath(path, nil) else { return .failure(Errno(errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
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

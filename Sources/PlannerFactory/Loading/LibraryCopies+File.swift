import CSandbox
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension LibraryCopies {
    /// Copies the bundle's file `file` (relative to the bundle, whose canonical path is `root`)
    /// to the same relative path in `folder`, mixing it into `hash`, if it is a regular file
    /// inside the bundle — as text and after resolving links — that fits in the allowance.
    /// Its path is checked before it is opened, and its type; it is opened without blocking (a
    /// FIFO swapped in meanwhile cannot hang the copy), and only what `fstat` says is a regular
    /// file is read. A fault names the file, with its identity (and, for a link, its target's
    /// inside the bundle), so that the quarantine ends when that file changes.
    func copyFile(_ file: String, bundle: String, root: String, into folder: String, hash: inout [UInt64],
                  allowance: inout Allowance, planner: String) throws(Failure) {
        var resolved: String?
        var target: String?
        func fault(_ problem: BundleFileFault.Problem) -> Failure {
            var identities = [root + "/" + file: FileIdentity.of(root + "/" + file)]
            if let resolved, target != nil { identities[resolved] = FileIdentity.of(resolved) }
            return .bundleFile(BundleFileFault(file: file, linkTarget: target, problem: problem, identities: identities))
        }
        guard file.utf8.count <= Self.maxRelativePath else { throw fault(.pathTooLong(bytes: file.utf8.count, limit: Self.maxRelativePath)) }
        guard Self.isPlainRelative(file) else { throw fault(.outsideBundle(resolved: nil)) }
        switch FileSystem.realPath(bundle + "/" + file) {
        case .success(let path): resolved = path
        case .failure(let error) where Self.isMachineError(error): throw machineFailure(file, "resolved", error, planner: planner)
        case .failure(let error): throw fault(.unreadable(Self.unresolvable(bundle + "/" + file, error)))
        }
        guard let resolved else { return }
        guard let inside = Self.relative(resolved, to: root) else { throw fault(.outsideBundle(resolved: resolved)) }
        target = inside == file ? nil : inside
        // Not even opened when it is not a regular file (opening a device may do something).
        var before = stat()
        if lstat(resolved, &before) == 0, let type = Self.typeName(before.st_mode) { throw fault(.notRegularFile(type)) }
        let source = open(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC)
        guard source >= 0 else {
            let error = Errno(errno)
            if Self.isMachineError(error) { throw machineFailure(file, "opened", error, planner: planner) }
            throw fault(.unreadable("cannot be opened (\(error))"))
        }
        defer { close(source) }
        // What was opened, in case a folder on the way was swapped for a link since it was resolved.
        if let opened = Self.openedPath(source), Self.relative(opened, to: root) == nil {
            throw fault(.outsideBundle(resolved: opened))
        }
        var info = stat()
        guard fstat(source, &info) == 0 else {
            let error = Errno(errno)
            if Self.isMachineError(error) { throw machineFailure(file, "examined", error, planner: planner) }
            throw fault(.unreadable("cannot be examined (\(error))"))
        }
        if let type = Self.typeName(info.st_mode) { throw fault(.notRegularFile(type)) }
        let size = UInt64(max(0, info.st_size))
        guard size <= UInt64(max(0, allowance.bytes)) else { throw fault(.tooLarge(size: size, limit: maxBytes)) }
        allowance.extend(forBytes: size)
        if let slash = file.lastIndex(of: "/") {
            do { try makeFolders(folder, String(file[..<slash])) } catch { throw .environment(error) }
        }
        let copy = folder + "/" + file
        switch Self.copyContents(of: source, to: copy, hash: &hash, budget: allowance.bytes, timeout: allowance.remainingTime) {
        case .copied(let bytes): allowance.bytes -= bytes
        case .readFailed(let error) where Self.isMachineError(error): throw machineFailure(file, "read", error, planner: planner)
        case .readFailed(let error): throw fault(.unreadable("cannot be read (\(error))"))
        case .writeFailed(let error): throw .environment(StateFolder.failure(directory, error.code, "cannot write \(copy)"))
        case .tooLarge: throw fault(.grewPastLimit(limit: maxBytes))
        case .timedOut: throw deadlinePassed(planner: planner)
        }
    }

    /// `path` relative to the folder `root` when it is inside it (compared byte by byte), else `nil`.
    static func relative(_ path: String, to root: String) -> String? {
        let prefix = root.utf8.last == UInt8(ascii: "/") ? root : root + "/"
        guard path.utf8.count > prefix.utf8.count, path.utf8.starts(with: prefix.utf8) else { return nil }
        return String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }

    /// A relative path without `..` components: inside its folder as text.
    static func isPlainRelative(_ file: String) -> Bool {
        !file.isEmpty && !file.hasPrefix("/") && !file.split(separator: "/").contains("..")
    }

    /// What a file type is, for a file that is not a regular one; `nil` for a regular file.
    static func typeName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "of an unknown type"
        }
    }

    /// Why `path` cannot be resolved, completing "<file> …".
    private static func unresolvable(_ path: String, _ error: Errno) -> String {
        if error.isLoop { return "is a symbolic link loop" }
        if error.isNotFound {
            guard case .success(let status) = FileSystem.linkStatus(path) else { return "does not exist" }
            if status.isSymbolicLink { return "is a link whose target does not exist" }
        }
        return "cannot be resolved (\(error))"
    }

    /// The path of the file open as `descriptor`, from `/proc/self/fd` (`nil` without `/proc`).
    private static func openedPath(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return PathBytes.string(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) })
    }
}

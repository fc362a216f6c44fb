import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// Content-addressed copies of plugin libraries in the state folder (`libraries/<digest>/`).
///
/// A plugin is probed and loaded from the same copy, never from its bundle: `dlopen` of a path
/// that is already open returns the old image, overwriting a loaded library in place crashes the
/// host, and probing one file but loading another is a race. Every library file of the bundle
/// (`*.so`, `*.so.*` and the entry library, in sub-folders too) is copied, keeping the layout, so
/// `$ORIGIN` dependencies still resolve.
///
/// A bundle is not trusted while it is copied: every file must be a regular file inside the
/// bundle, as text and after resolving links (a FIFO, a device, `libsecret.so -> /etc/shadow` are
/// refused before a byte is read), the bundle's files together may not exceed `maxBytes` nor
/// `maxFiles` files, and the copy must finish within `timeout` plus a second for every 16 MiB
/// of its files (`minimumBytesPerSecond`).
struct LibraryCopies: Sendable {
    /// The folder of the copies, `<state folder>/libraries`.
    let directory: String
    /// The most bytes copied for one bundle (`FACTORY_MAX_COPY_BYTES`).
    var maxBytes: Int
    /// The deadline of one bundle's copy before its size is added (`FACTORY_SANDBOX_TIMEOUT`).
    var timeout: Duration

    init(stateDirectory: String, maxBytes: Int = 1 << 30, timeout: Duration = .seconds(2)) {
        directory = stateDirectory + "/libraries"
        self.maxBytes = max(0, maxBytes)
        self.timeout = timeout
    }

    /// The copies of `configuration`'s state folder, with its copy limit and sandbox deadline.
    init(configuration: FactoryConfiguration) {
        self.init(stateDirectory: configuration.stateDirectory, maxBytes: configuration.maxCopyBytes, timeout: configuration.sandboxTimeout)
    }

    /// The entry library's path in the copy named `digest`, when that copy exists.
    func existing(digest: String, library: String) -> String? {
        let path = directory + "/" + digest + "/" + library
        return access(path, R_OK) == 0 ? path : nil
    }

    /// Copies the bundle's libraries into a new folder, names it by their contents' digest, and
    /// returns the digest, the entry library's path in it and the folder. When a copy with that digest exists
    /// already, it is reused and the new one discarded. Nothing is left behind when it fails.
    /// - Throws: `Failure.bundleFile` for a file of the bundle that may not be copied (the
    ///   plugin's fault), `Failure.environment` when the state folder cannot take the copy or the
    ///   deadline passed (not the plugin's fault).
    func make(bundle: String, library: String, planner: String) throws(Failure) -> (digest: String, path: String, folder: String) {
        var allowance = Allowance(bytes: maxBytes, deadline: .now + timeout)
        let root: String
        switch FileSystem.realPath(bundle) {
        case .success(let path): root = path
        case .failure(let error) where Self.isMachineError(error): throw machineFailure(bundle, "resolved", error, planner: planner)
        case .failure(let error):
            throw .bundleFile(BundleFileFault(
                file: "the bundle folder", problem: .unreadable("cannot be resolved (\(error))"), identities: [bundle: FileIdentity.of(bundle)]))
        }
        let files = Self.libraryFiles(bundle: bundle, entry: library)
        guard files.count <= Self.maxFiles else {
            throw .bundleFile(BundleFileFault(
                file: "the bundle", problem: .tooManyFiles(count: files.count, limit: Self.maxFiles), identities: [root: FileIdentity.of(root)]))
        }
        do { try StateFolder.create(directory) } catch { throw .environment(error) }
        guard let temporary = mkdtemp(directory + "/.tmp-XXXXXX") else {
            throw .environment(StateFolder.failure(directory, errno, "cannot create a folder in \(directory)"))
        }
        var hash: [UInt64] = [0x5851_F42D_4C95_7F2D, 0x1405_7B7E_F767_814F]
        do throws(Failure) {
            for file in files {
                guard !allowance.isExpired else { throw deadlinePassed(planner: planner) }
                var digestOfName = Fingerprint.Builder()
                digestOfName.add(file)
                hash[0] ^= digestOfName.fingerprint.value
                try copyFile(file, bundle: bundle, root: root, into: temporary, hash: &hash, allowance: &allowance, planner: planner)
            }
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
        let digest = hash.map { Fingerprint(value: $0).description }.joined()
        let final = directory + "/" + digest
        if rename(temporary, final) != 0 {
            let error = errno
            FileSystem.removeTree(temporary)
            guard error == EEXIST || error == ENOTEMPTY else {
                throw .environment(StateFolder.failure(directory, error, "cannot rename \(temporary) to \(final)"))
            }
            // Reused: make it young again, so no other process's clean-up takes it as stale now.
            utimensat(AT_FDCWD, final, nil, 0)
        }
        return (digest, final + "/" + library, final)
    }

    /// Removes the copy named `digest` (a loaded library stays mapped in the processes using it).
    func remove(digest: String) {
        guard !digest.isEmpty, !digest.contains("/") else { return }
        FileSystem.removeTree(directory + "/" + digest)
    }

    /// Removes every copy whose digest is not in `kept` and that is older than `grace` seconds
    /// (another process may have just made it, and not yet recorded its probe).
    /// - Returns: how many were removed.
    @discardableResult
    func removeAll(except kept: Set<String>, grace: Double = 300) -> Int {
        guard case .success(let entries) = FileSystem.listFolder(directory) else { return 0 }
        var removed = 0
        for entry in entries {
            guard let name = entry.name, !kept.contains(name),
                  case .success(let status) = FileSystem.linkStatus(directory + "/" + name),
                  Double(status.modificationNanoseconds) / 1e9 < WallClock.now() - grace else { continue }
            FileSystem.removeTree(directory + "/" + name)
            removed += 1
        }
        return removed
    }

    /// The bundle's library files, relative to it: `*.so`, `*.so.*` and the entry library, of
    /// whatever type (the copy takes regular files only, and refuses the rest by name). A
    /// link to a folder inside the bundle (`lib -> lib.real`) is walked too, once, so that the
    /// copy has the same layout the libraries' `$ORIGIN` paths expect.
    static func libraryFiles(bundle: String, entry: String) -> [String] {
        var files: Set<String> = [entry]
        var linkedFolders: [String] = []
        func visit(prefix: String, followsLinks: Bool) -> (_ relative: [UInt8], Result<FileSystem.Status, Errno>) -> Void {
            { relative, status in
                guard case .success(let status) = status, let name = String(validating: relative, as: UTF8.self) else { return }
                let path = prefix + name
                if status.isSymbolicLink, followsLinks, case .success(let target) = FileSystem.status(bundle + "/" + path), target.isDirectory {
                    linkedFolders.append(path)
                    return
                }
                // FIFOs, sockets and devices with a library's name too: the copy refuses them by name.
                guard !status.isDirectory else { return }
                let file = path.split(separator: "/").last.map(String.init) ?? path
                if file.hasSuffix(".so") || file.contains(".so.") { files.insert(path) }
            }
        }
        FileSystem.walk(bundle, visit: visit(prefix: "", followsLinks: true))
        let root = FileSystem.canonicalPath(bundle) + "/"
        for folder in linkedFolders where FileSystem.canonicalPath(bundle + "/" + folder).hasPrefix(root) {
            FileSystem.walk(bundle + "/" + folder, visit: visit(prefix: folder + "/", followsLinks: false))
        }
        return files.sorted()
    }

    func makeFolders(_ root: String, _ relative: String) throws(FactoryError) {
        var path = root
        for component in relative.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw StateFolder.failure(directory, errno, "cannot create \(path)") }
        }
    }
}

import CSandbox
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
struct LibraryCopies: Sendable {
    /// The folder of the copies, `<state folder>/libraries`.
    let directory: String

    init(stateDirectory: String) {
        directory = stateDirectory + "/libraries"
    }

    /// The entry library's path in the copy named `digest`, when that copy exists.
    func existing(digest: String, library: String) -> String? {
        let path = directory + "/" + digest + "/" + library
        return access(path, R_OK) == 0 ? path : nil
    }

    /// Copies the bundle's libraries into a new folder, names it by their contents' digest, and
    /// returns the digest and the entry library's path in it. When a copy with that digest exists
    /// already, it is reused and the new one discarded.
    /// - Throws: `FactoryError` (`.invalidConfiguration` for the state folder, `.instantiationError`
    ///   for a bundle file that cannot be read).
    func make(bundle: String, library: String, planner: String) throws(FactoryError) -> (digest: String, path: String) {
        try StateFolder.create(directory)
        var template = Array((directory + "/.tmp-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw StateFolder.failure(directory, errno, "cannot create a folder in \(directory)")
        }
        let temporary = String(cString: made)
        var hash: [UInt64] = [0x5851_F42D_4C95_7F2D, 0x1405_7B7E_F767_814F]
        for file in Self.libraryFiles(bundle: bundle, entry: library) {
            var digestOfName = Fingerprint.Builder()
            digestOfName.add(file)
            hash[0] ^= digestOfName.fingerprint.value
            if let slash = file.lastIndex(of: "/") {
                try makeFolders(temporary, String(file[..<slash]))
            }
            let error = hash.withUnsafeMutableBufferPointer { lanes in
                csandbox_copy_hashing(bundle + "/" + file, temporary + "/" + file, lanes.baseAddress)
            }
            guard error == 0 else {
                FileSystem.removeTree(temporary)
                throw FactoryError.instantiation(
                    planner, "its library file \(bundle)/\(file) could not be copied to \(temporary): \(String(cString: strerror(error)))")
            }
        }
        let digest = hash.map { Fingerprint(value: $0).description }.joined()
        let final = directory + "/" + digest
        if rename(temporary, final) != 0 {
            let error = errno
            FileSystem.removeTree(temporary)
            guard error == EEXIST || error == ENOTEMPTY else {
                throw StateFolder.failure(directory, error, "cannot rename \(temporary) to \(final)")
            }
            // Reused: make it young again, so no other process's clean-up takes it as stale now.
            utimensat(AT_FDCWD, final, nil, 0)
        }
        return (digest, final + "/" + library)
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

    /// The bundle's library files, relative to it: `*.so`, `*.so.*` and the entry library. A
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
                guard status.isRegularFile || status.isSymbolicLink else { return }
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

    private func makeFolders(_ root: String, _ relative: String) throws(FactoryError) {
        var path = root
        for component in relative.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw StateFolder.failure(directory, errno, "cannot create \(path)") }
        }
    }
}

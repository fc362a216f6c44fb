/// Checks that a bundle's library exists, is a file, and stays inside the bundle after resolving
/// links. Walks the relative path with `lstat` (one call for the usual `libplanner.so`) and
/// resolves canonical paths only when a link or `..` is involved.
struct LibraryCheck {
    var location: BundleLocation
    var folder: Int32?
    var library: String

    /// The library's `stat` (for the fingerprint), what is wrong with it, if anything
    /// (completing a sentence that starts with the library path), and whether it is a plain file
    /// directly in the bundle folder (no link, no sub-folder: a watch on the folder sees it change).
    func run() -> (status: Result<FileSystem.Status, Errno>, problem: String?, isPlain: Bool) {
        var sawLink = false
        let (status, problem) = check(sawLink: &sawLink)
        let isPlain = !library.utf8.contains(UInt8(ascii: "/")) && problem == nil && !sawLink
        return (status, problem, isPlain)
    }

    private func check(sawLink: inout Bool) -> (Result<FileSystem.Status, Errno>, String?) {
        var last: Result<FileSystem.Status, Errno> = .failure(Errno(0))
        // Each prefix of the path in turn; the usual "libplanner.so" is one step, no splitting.
        let prefixes = library.utf8.contains(UInt8(ascii: "/")) ? Self.prefixes(of: library) : [library]
        for relative in prefixes {
            let target = location.locate(relative, in: folder)
            last = FileSystem.linkStatus(target.path, at: target.directory)
            switch last {
            case .failure(let error) where error.isNotFound:
                return (last, "does not exist in the bundle")
            case .failure(let error):
                return (last, "cannot be examined (\(error))")
            case .success(let status):
                if status.isSymbolicLink { sawLink = true }
            }
        }
        if sawLink || containsParentReference {
            let entryPath = location.path + "/" + library
            let status = FileSystem.status(entryPath)
            if case .failure(let error) = status {
                if error.isLoop { return (status, "is a symbolic link loop") }
                if error.isNotFound { return (status, "is a link whose target does not exist") }
                return (status, "cannot be resolved (\(error))")
            }
            switch (FileSystem.realPath(location.path), FileSystem.realPath(entryPath)) {
            case (.success(let root), .success(let target)) where !target.hasPrefix(root + "/"):
                return (status, "resolves to \(target), outside the bundle folder")
            case (.failure(let error), _), (_, .failure(let error)):
                return (status, "cannot be resolved (\(error))")
            default:
                last = status
            }
        }
        if case .success(let status) = last, !status.isRegularFile {
            return (last, "is \(status.isDirectory ? "a folder" : "not a regular file"), not a library file")
        }
        return (last, nil)
    }

    /// `a`, `a/b`, `a/b/c.so` for `a/b/c.so` (`.` components skipped).
    private static func prefixes(of path: String) -> [String] {
        var prefixes: [String] = []
        var relative = ""
        for component in path.split(separator: "/") where component != "." {
            relative += relative.isEmpty ? String(component) : "/" + component
            prefixes.append(relative)
        }
        return prefixes
    }

    /// Whether the path has a `..` component (a byte scan; no string searching).
    private var containsParentReference: Bool {
        library.utf8.split(separator: UInt8(ascii: "/")).contains { $0.count == 2 && $0.allSatisfy { $0 == UInt8(ascii: ".") } }
    }
}

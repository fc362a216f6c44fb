/// Checks that a bundle's library exists, is a file, and stays inside the bundle after resolving
/// links. Walks the relative path with `lstat` (one call for the usual `libplanner.so`) and
/// resolves canonical paths only when a link or `..` is involved.
struct LibraryCheck {
    var location: BundleLocation
    var folder: Int32?
    var library: String

    /// What the check found.
    struct Outcome {
        /// The library's own status and, if it is a link, its target's (for the fingerprint).
        var state: FileSystem.PathState
        /// What is wrong, completing a sentence that starts with the library path; `nil` when fine.
        var problem: String?
        /// A plain file directly in the bundle folder (no link, no sub-folder), or missing from it:
        /// a watch on the folder sees every change to it.
        var isWatchable: Bool
    }

    func run() -> Outcome {
        let isDirect = !library.utf8.contains(UInt8(ascii: "/"))
        var sawLink = false
        var own: Result<FileSystem.Status, Errno> = .failure(Errno(0))
        // Each prefix of the path in turn; the usual "libplanner.so" is one step, no splitting.
        for relative in isDirect ? [library] : Self.prefixes(of: library) {
            let target = location.locate(relative, in: folder)
            own = FileSystem.linkStatus(target.path, at: target.directory)
            switch own {
            case .failure(let error) where error.isNotFound:
                return Outcome(state: .init(own: own), problem: "does not exist in the bundle", isWatchable: isDirect)
            case .failure(let error):
                return Outcome(state: .init(own: own), problem: "cannot be examined (\(error))", isWatchable: false)
            case .success(let status):
                if status.isSymbolicLink { sawLink = true }
            }
        }
        var state = FileSystem.PathState(own: own)
        if sawLink || containsParentReference {
            let entryPath = location.path + "/" + library
            let resolved = FileSystem.status(entryPath)
            if case .success(let status) = own, status.isSymbolicLink { state.target = resolved }
            if let problem = linkProblem(resolved, entryPath) {
                return Outcome(state: state, problem: problem, isWatchable: false)
            }
            own = resolved
        }
        if case .success(let status) = own, !status.isRegularFile {
            return Outcome(state: state, problem: "is \(status.isDirectory ? "a folder" : "not a regular file"), not a library file", isWatchable: false)
        }
        return Outcome(state: state, problem: nil, isWatchable: isDirect && !sawLink)
    }

    /// Why a library reached through a link or `..` is unusable: a loop, a dangling link, a target
    /// outside the bundle (compared byte by byte, not by Unicode equivalence).
    private func linkProblem(_ resolved: Result<FileSystem.Status, Errno>, _ entryPath: String) -> String? {
        if case .failure(let error) = resolved {
            if error.isLoop { return "is a symbolic link loop" }
            if error.isNotFound { return "is a link whose target does not exist" }
            return "cannot be resolved (\(error))"
        }
        switch (FileSystem.realPath(location.path), FileSystem.realPath(entryPath)) {
        case (.success(let root), .success(let target)) where !target.utf8.starts(with: (root + "/").utf8):
            return "resolves to \(target), outside the bundle folder"
        case (.failure(let error), _), (_, .failure(let error)):
            return "cannot be resolved (\(error))"
        default:
            return nil
        }
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

    /// Whether the path has a `..` component (a byte scan; no allocation).
    private var containsParentReference: Bool {
        var dots = 0  // dots in the current component while it has nothing else; -1 once it has
        for byte in library.utf8 {
            if byte == UInt8(ascii: "/") {
                if dots == 2 { return true }
                dots = 0
            } else if byte == UInt8(ascii: "."), dots >= 0 {
                dots += 1
            } else {
                dots = -1
            }
        }
        return dots == 2
    }
}

/// Checks that a file a manifest names — a dylib's library, a process plugin's program — exists,
/// is a regular file, stays inside the bundle after resolving links, and (for a program) is
/// executable. Walks the relative path with `lstat` (one call for the usual `libplanner.so` or
/// `./planner.py`) and resolves canonical paths only when a link or `..` is involved.
struct BundleFileCheck {
    var location: BundleLocation
    var folder: Int32?
    /// The file, relative to the bundle, as the manifest spells it.
    var file: String
    var role: Role

    /// What the file is for, which decides what it must be.
    enum Role {
        /// A shared library: a regular file.
        case library
        /// A program run as a process: a regular file with an execute bit set.
        case program

        var noun: String {
            switch self {
            case .library: "a library file"
            case .program: "a program file"
            }
        }
    }

    /// What the check found.
    struct Outcome {
        /// The file's own status and, if it is a link, its target's (for the fingerprint).
        var state: FileSystem.PathState
        /// What is wrong, completing a sentence that starts with the file's path; `nil` when fine.
        var problem: String?
        /// A plain file directly in the bundle folder (no link, no sub-folder), or missing from it:
        /// a watch on the folder sees every change to it.
        var isWatchable: Bool
    }

    func run() -> Outcome {
        // Each prefix of the path in turn; the usual "libplanner.so" is one step, no splitting.
        let steps = file.utf8.contains(UInt8(ascii: "/")) ? Self.prefixes(of: file) : nil
        let isDirect = steps.map { $0.count == 1 } ?? true  // also "./planner.py"
        var sawLink = false
        var own: Result<FileSystem.Status, Errno> = .failure(Errno(0))
        func examine(_ relative: String) -> Outcome? {
            let target = location.locate(relative, in: folder)
            own = FileSystem.linkStatus(target.path, at: target.directory)
            switch own {
            case .failure(let error) where error.isNotFound:
                return Outcome(state: .init(own: own), problem: "does not exist in the bundle", isWatchable: isDirect)
            case .failure(let error):
                return Outcome(state: .init(own: own), problem: "cannot be examined (\(error))", isWatchable: false)
            case .success(let status):
                if status.isSymbolicLink { sawLink = true }
                return nil
            }
        }
        if let steps {
            for relative in steps {
                if let outcome = examine(relative) { return outcome }
            }
        } else if let outcome = examine(file) {
            return outcome
        }
        var state = FileSystem.PathState(own: own)
        if sawLink || containsParentReference {
            let entryPath = location.path + "/" + file
            let resolved = FileSystem.status(entryPath)
            if case .success(let status) = own, status.isSymbolicLink { state.target = resolved }
            if let problem = linkProblem(resolved, entryPath) {
                return Outcome(state: state, problem: problem, isWatchable: false)
            }
            own = resolved
        }
        let isWatchable = isDirect && !sawLink
        if case .success(let status) = own {
            if !status.isRegularFile {
                // A folder's contents change unseen by a watch on the bundle folder.
                return Outcome(state: state, problem: "is \(status.isDirectory ? "a folder" : "not a regular file"), not \(role.noun)", isWatchable: false)
            }
            if role == .program, !status.isExecutable {
                let mode = String(status.permissions, radix: 8)
                return Outcome(state: state, problem: "is not executable (mode \(mode)); it needs an execute bit (chmod +x)", isWatchable: isWatchable)
            }
        }
        return Outcome(state: state, problem: nil, isWatchable: isWatchable)
    }

    /// Why a file reached through a link or `..` is unusable: a loop, a dangling link, a target
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
    static func prefixes(of path: String) -> [String] {
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
        for byte in file.utf8 {
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

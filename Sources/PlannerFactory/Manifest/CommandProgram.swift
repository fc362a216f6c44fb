/// Where a process entry's program, `command[0]`, is found. Decided by its text alone:
///
/// - a path relative to the bundle folder when it contains a `/` but does not start with one
///   (`./planner.py`, `bin/run`); it must stay inside the bundle (the rules of `LibraryPath`), and
///   discovery checks that it exists there, is a regular file and is executable;
/// - an absolute path when it starts with `/`;
/// - a bare program name (no `/`), looked up on the factory's `PATH` when the plugin runs.
///
/// Absolute paths and bare names are not checked at discovery: the program they name lies
/// outside the bundle, and its presence is the running factory's concern.
enum CommandProgram: Hashable, Sendable {
    case inBundle(String)
    case absolute(String)
    case onSearchPath(String)

    init(_ program: String) {
        if program.utf8.first == UInt8(ascii: "/") {
            self = .absolute(program)
        } else if program.utf8.contains(UInt8(ascii: "/")) {
            self = .inBundle(program)
        } else {
            self = .onSearchPath(program)
        }
    }

    /// The program's path relative to the bundle, when it is inside it.
    var bundlePath: String? {
        if case .inBundle(let path) = self { return path }
        return nil
    }

    /// Why the program is unusable as text, completing a sentence that starts with it; `nil`
    /// when it is fine. Emptiness and NUL bytes are the caller's to check first.
    var textualProblem: String? {
        switch self {
        case .inBundle(let path):
            return LibraryPath.textualProblem(path)
        case .absolute(let path):
            if path.utf8.last == UInt8(ascii: "/") || path.hasSuffix("/.") || path.hasSuffix("/..") {
                return "names a folder; it must name a program"
            }
            return nil
        case .onSearchPath(let name):
            if name == "." || name == ".." { return "is not a program name" }
            return nil
        }
    }
}

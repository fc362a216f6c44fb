#if canImport(Glibc)
import Glibc
#endif

/// The few file-system calls the generator needs, with `errno` turned into messages.
enum SystemError {
    /// The message of the current `errno`.
    static func message() -> String {
        strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
    }

    /// Throws when a call returned non-zero.
    static func check(_ result: Int32, _ what: String) throws(BenchmarkFailure) {
        guard result == 0 else { throw BenchmarkFailure("\(what) failed: \(message())") }
    }

    /// Removes a file, or a folder and everything in it (links are removed, not followed).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    }
}

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

    /// A new, empty folder `<parent>/<prefix>-XXXXXX` (mkdtemp); returns its path.
    static func makeUniqueFolder(in parent: String, prefix: String) throws(BenchmarkFailure) -> String {
        var template = Array("\(parent)/\(prefix)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchmarkFailure("cannot create a folder in \(parent): \(message())")
        }
        return String(cString: made)
    }

    /// The bytes of a file.
    static func readFile(_ path: String) throws(BenchmarkFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BenchmarkFailure("cannot open \(path): \(message())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw BenchmarkFailure("cannot read \(path): \(message())") }
            if got == 0 { return bytes }
            bytes += buffer[..<got]
        }
    }

    /// The text of a file, as UTF-8.
    static func readText(_ path: String) throws(BenchmarkFailure) -> String {
        String(decoding: try readFile(path), as: UTF8.self)
    }

    /// This process's working folder.
    static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` to a new or truncated file.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(BenchmarkFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchmarkFailure("cannot create \(path): \(message())") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw BenchmarkFailure("cannot write \(path): \(message())") }
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

#if canImport(Glibc)
import Glibc
#endif

extension FileSystem {
    /// Removes a folder and everything in it (links are removed, not followed).
    static func removeTree(_ path: String) {
        var entries: [(String, Bool)] = []
        walk(path) { relative, status in
            guard !relative.isEmpty, case .success(let status) = status else { return }
            entries.append((path + "/" + String(decoding: relative, as: UTF8.self), status.isDirectory))
        }
        for (entry, isDirectory) in entries.reversed() {
            if isDirectory { rmdir(entry) } else { unlink(entry) }
        }
        rmdir(path)
    }
}

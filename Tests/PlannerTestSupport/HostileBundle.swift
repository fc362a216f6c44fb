import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Bundles that attack the factory's copy of their libraries: the working fixture plugin with a
/// hostile file beside it (a FIFO, a link to a device or to a file outside the bundle, a sparse
/// file of any size).
public enum HostileBundle {
    /// Makes the bundle folder `bundle` holding the working fixture plugin named `name`
    /// (`lib<folder name>.so`, capability "x"; see `FixturePlugin.bundle`) and returns its path.
    @discardableResult
    public static func good(_ bundle: String, name: String) throws -> String {
        try FixturePlugin.bundle(bundle, name: name)
        return bundle
    }

    /// A FIFO (named pipe) at `path`: a blocking `open` for reading waits for a writer forever.
    public static func fifo(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// A symbolic link at `path` to `target`, as written (relative or absolute).
    public static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// A sparse file of `size` bytes at `path`: `ftruncate` writes no block, reading gives zeros.
    public static func sparse(_ path: String, size: Int) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard ftruncate(descriptor, off_t(size)) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The regular files below `folder` (links not followed) whose contents contain `needle`.
    public static func files(below folder: String, containing needle: String) -> [String] {
        let wanted = Data(needle.utf8)
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
                  type == .typeRegular, let data = FileManager.default.contents(atPath: path) else { continue }
            if data.range(of: wanted) != nil { found.append(relative) }
        }
        return found
    }

    /// The entries of `folder` (none when it does not exist), sorted: what a copy left behind.
    public static func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}

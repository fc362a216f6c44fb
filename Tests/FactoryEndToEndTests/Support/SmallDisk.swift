import Foundation

/// A tiny tmpfs mounted for one test (unmounted when released), to fill a disk for real.
/// Mounting needs root (CAP_SYS_ADMIN): `isAvailable` tries once, and tests that need it are
/// skipped with that reason where it fails.
final class SmallDisk: Sendable {
    let path: String

    /// Whether a tmpfs can be mounted here (tried once, on a scratch folder).
    static let isAvailable: Bool = {
        guard let disk = try? SmallDisk(kilobytes: 64) else { return false }
        return disk.isMounted
    }()

    private let isMounted: Bool

    init(kilobytes: Int, isReadOnly: Bool = false) throws {
        var template = Array((NSTemporaryDirectory() + "factory-small-disk.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
        isMounted = Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755\(isReadOnly ? ",ro" : "")", "tmpfs", path]) == 0
        guard isMounted else {
            rmdir(path)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    deinit {
        if isMounted { _ = Self.run("/usr/bin/umount", [path]) }
        rmdir(path)
    }

    /// Fills the disk with a file `fill` until only `kilobytes` are free (in 4 KiB blocks).
    func fill(leaving kilobytes: Int) throws {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { throw CocoaError(.fileReadUnknown) }
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        let size = max(0, free - kilobytes * 1024)
        try Data(count: size).write(to: URL(fileURLWithPath: path + "/fill"))
    }

    /// Frees the space `fill` took.
    func free() throws {
        try FileManager.default.removeItem(atPath: path + "/fill")
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

import Foundation

/// Tools of the host some tests run the factory under, each tried once: where one is missing or
/// denied (no user namespaces, no ptrace in a container), those tests are skipped with that reason.
enum HostTools {
    /// Whether `unshare -Urm` can make a user and mount namespace here.
    static let canUnshareMounts = succeeds(["/usr/bin/unshare", "-Urm", "true"])
    /// Whether `unshare -Urpf` can run a command as pid 1 of a PID namespace of its own.
    static let canUnsharePIDs = succeeds(["/usr/bin/unshare", "-Urpf", "true"])
    /// Whether `strace` can trace a command here.
    static let canTrace = succeeds(["/usr/bin/strace", "-qq", "-o", "/dev/null", "true"])

    private static func succeeds(_ command: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: command[0]) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

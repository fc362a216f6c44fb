import Foundation

/// Runs a command to its end without Foundation's `Process`: spawned directly (`posix_spawn`) and
/// awaited with `waitpid`, its output going to files. `Process` can hang in `waitUntilExit` on
/// Linux when tests start processes in parallel, and it takes Strings, so it cannot pass an
/// argument or a variable that is not UTF-8. The child gets no descriptor of ours but its output
/// files (a server it forks would keep them), and default signal handling with nothing blocked:
/// test threads block most signals, and a child spawned from one would inherit that.
public enum DirectSpawn {
    /// Why a command could not be started.
    public struct Failure: Error, CustomStringConvertible {
        /// The `errno` of `posix_spawn`.
        public var code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    /// Runs `arguments` (the program's path first) with exactly `environment` (`NAME=value`),
    /// standard input from /dev/null, standard output and error into the files `output` and
    /// `error` (created or truncated).
    /// - Returns: the raw wait status (`0` for exit code 0).
    public static func run(_ arguments: [[UInt8]], environment: [[UInt8]], output: String, error: String) throws(Failure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // (addclosefrom_np is not imported; an entry closed meanwhile is ignored by posix_spawn.)
        let inherited = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in inherited.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map(duplicate) + [nil]
        let envp = environment.map(duplicate) + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = argv[0].map { posix_spawn(&pid, $0, &actions, &attributes, argv, envp) } ?? EINVAL
        guard spawned == 0 else { throw Failure(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }

    /// A `malloc`ed NUL-terminated copy of `bytes`.
    private static func duplicate(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        copy[bytes.count] = 0
        return copy
    }
}

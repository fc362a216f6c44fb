import CSandbox

#if canImport(Glibc)
import Glibc
#endif

/// Starts every worker process from one long-lived thread. A worker asks the kernel to kill it
/// when its parent goes (`PR_SET_PDEATHSIG`), and "parent" there means the *thread* that spawned
/// it: a worker spawned from a short-lived thread would be killed when that thread ends, while it
/// is still meant to serve. This thread lives as long as the process.
final class WorkerSpawner: Sendable {
    /// The process-wide spawner; its thread starts on first use.
    static let shared = WorkerSpawner()

    private struct Request: Sendable {
        var command: WorkerCommand
        var reply: OneShot<SpawnedWorker>
    }

    private let queue = Locked<[Request]>([])
    private let wakeUp: (read: Int32, write: Int32)
    private let isRunning: Bool

    private init() {
        var descriptors: [Int32] = [-1, -1]
        let made = pipe(&descriptors) == 0
        if made {
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        }
        wakeUp = (descriptors[0], descriptors[1])
        guard made else {
            isRunning = false
            return
        }
        let queue = self.queue
        let reader = descriptors[0]
        isRunning = BackgroundThread.start {
            var byte: UInt8 = 0
            while true {
                let got = read(reader, &byte, 1)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { return }
                let requests = queue.withLock { queue in
                    defer { queue.removeAll() }
                    return queue
                }
                for request in requests {
                    request.reply.fulfill(WorkerSpawner.spawnNow(request.command))
                }
            }
        }
    }

    /// Starts `command` from the spawner thread and returns once it started (or failed to).
    func spawn(_ command: WorkerCommand) -> SpawnedWorker {
        guard isRunning else { return Self.spawnNow(command) }
        let reply = OneShot<SpawnedWorker>()
        queue.withLock { $0.append(Request(command: command, reply: reply)) }
        var byte: UInt8 = 1
        while write(wakeUp.write, &byte, 1) < 0, errno == EINTR {}
        return reply.wait(until: nil) ?? SpawnedWorker(raw: csandbox_worker(spawn_error: EAGAIN, pid: 0, pidfd: -1, input_fd: -1, output_fd: -1, error_fd: -1))
    }

    private static func spawnNow(_ command: WorkerCommand) -> SpawnedWorker {
        let arguments = command.arguments.map { strdup($0) } + [nil]
        let environment = command.environment.map { strdup($0) } + [nil]
        defer {
            arguments.forEach { free($0) }
            environment.forEach { free($0) }
        }
        let raw = arguments.withUnsafeBufferPointer { argv in
            environment.withUnsafeBufferPointer { envp in
                csandbox_spawn_worker(command.executable, argv.baseAddress, envp.baseAddress)
            }
        }
        return SpawnedWorker(raw: raw)
    }
}

/// The descriptors and pid of a started worker. `@unchecked Sendable`: plain integers.
struct SpawnedWorker: @unchecked Sendable {
    let raw: csandbox_worker
}

/// What to run as a worker: `factory-host serve LIBRARY` for a dylib plugin, or
/// `factory-host run -- PROGRAM …` for a process plugin.
struct WorkerCommand: Sendable, Hashable {
    /// The executable (an absolute path).
    var executable: String
    /// Its arguments, `argv[0]` first.
    var arguments: [String]
    /// `NAME=value` strings: the whole environment.
    var environment: [String]
    /// A private working folder made for this worker, removed when it ends.
    var workingFolder: String?
}

import CSandbox
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension LibraryCopies {
    /// The most library files one bundle may have (`*.so`, `*.so.*` and the entry library): a
    /// bundle of many small files costs a copy of each, on every probe.
    static let maxFiles = 4096
    /// The longest path a library file may have inside its bundle, in bytes: the copy puts it
    /// below the state folder, where a deeply nested path would not fit.
    static let maxRelativePath = 1024
    /// How fast a copy must at least go: the deadline of a bundle's copy is the sandbox deadline
    /// plus one second for every this many bytes, so a big bundle is copied once, whole, instead
    /// of timing out on every run.
    static let minimumBytesPerSecond = 16 << 20

    /// The time a copy of `bytes` gets beyond the sandbox deadline.
    static func copyTime(forBytes bytes: UInt64) -> Duration {
        .nanoseconds(Int64(min(Double(bytes) / Double(minimumBytesPerSecond) * 1e9, 9e18)))
    }

    /// What is left for the rest of one bundle's copy: bytes, and time until the deadline.
    struct Allowance {
        var bytes: Int
        var deadline: ContinuousClock.Instant

        var remainingTime: Duration { deadline - .now }
        var isExpired: Bool { ContinuousClock.now >= deadline }

        /// Adds the time copying a file of `bytes` may take to the deadline.
        mutating func extend(forBytes bytes: UInt64) {
            deadline = deadline + LibraryCopies.copyTime(forBytes: bytes)
        }
    }

    /// How copying one open file's contents ended.
    enum ContentCopy: Equatable {
        case copied(bytes: Int)
        /// Reading the source failed.
        case readFailed(Errno)
        /// Creating or writing the copy failed (no space left …): the target folder's fault.
        case writeFailed(Errno)
        /// The source had more bytes than the budget (it grew since `fstat`).
        case tooLarge
        case timedOut
    }

    /// Copies what can be read from `source` to the new file `target` (removed again unless the
    /// copy is whole), mixing it into `hash`: at most `budget` bytes, within `timeout`.
    static func copyContents(of source: Int32, to target: String, hash: inout [UInt64], budget: Int, timeout: Duration) -> ContentCopy {
        let nanoseconds = timeout <= .zero ? 0 : Int64(min(timeout.seconds * 1e9, 9e18))
        let result = hash.withUnsafeMutableBufferPointer { lanes in
            csandbox_copy_hashing(source, target, lanes.baseAddress, Int64(max(0, budget)), nanoseconds)
        }
        switch result.status {
        case CSANDBOX_COPY_DONE: return .copied(bytes: Int(result.copied))
        case CSANDBOX_COPY_READ_FAILED: return .readFailed(Errno(result.error))
        case CSANDBOX_COPY_WRITE_FAILED: return .writeFailed(Errno(result.error))
        case CSANDBOX_COPY_TOO_LARGE: return .tooLarge
        default: return .timedOut
        }
    }

    /// Whether reading a bundle's file failed for a reason of the machine, not of the file: too
    /// many open files, no memory, an I/O error. Not the plugin's fault.
    static func isMachineError(_ error: Errno) -> Bool {
        [EMFILE, ENFILE, ENOMEM, EIO, ENOBUFS, EAGAIN, EINTR].contains(error.code)
    }

    /// Reading `file` of `planner`'s bundle failed for a reason of the machine (`doing` completes
    /// "<file> cannot be …").
    func machineFailure(_ file: String, _ doing: String, _ error: Errno, planner: String) -> Failure {
        .environment(FactoryError(
            .invalidConfiguration,
            "The library file \(TerminalText.excerpt(file, limit: 160)) of planner \"\(planner)\" cannot be \(doing) (\(error)): a failure of the machine (open files, memory, the disk), not of the plugin, so it will be copied again next time.",
            context: ["planner": planner, "path": file]))
    }

    /// The copy of `planner`'s libraries did not finish within its deadline: not a fault of the
    /// plugin (a slow or stuck disk).
    func deadlinePassed(planner: String) -> Failure {
        .environment(FactoryError(
            .sandboxTimeout,
            "Copying the library files of planner \"\(planner)\" to \(directory) did not finish within the sandbox deadline (\(JSONValue.format(timeout.seconds)) s, \(ConfigurationKey.sandboxTimeout.environmentName), and a second more for every 16 MiB copied); a slow or stuck disk is not the plugin's fault, so it will be copied again next time.",
            context: ["planner": planner, "path": directory]))
    }
}

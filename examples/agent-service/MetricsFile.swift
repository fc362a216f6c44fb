import Prometheus
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The registry's text exposition, written to a file whole: into a temporary file in the same
/// folder, then renamed over the file, so a reader (node_exporter's textfile collector, a script)
/// never sees half a file. The temporary file's name does not end in `.prom`, so the collector
/// skips it.
final class MetricsFile: Sendable {
    let path: String
    let registry: PrometheusCollectorRegistry
    /// The problem of the last periodic write, told once until the file can be written again.
    private let lastProblem = Mutex<String?>(nil)

    init(path: String, registry: PrometheusCollectorRegistry) {
        self.path = path
        self.registry = registry
    }

    /// `.<name>.<pid>.tmp` beside the file.
    var temporaryPath: String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return folder + "." + name + ".\(getpid()).tmp"
    }

    /// Writes the registry's current figures.
    /// - Throws: `ServiceError` naming the file and the system's reason.
    func write() throws(ServiceError) {
        let bytes = registry.emitToBuffer()
        let temporary = temporaryPath
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let error = failure("cannot write \(temporary)")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            offset += written
        }
        guard close(descriptor) == 0 else {
            let error = failure("cannot write \(temporary)")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename \(temporary) to \(path)")
            unlink(temporary)
            throw error
        }
    }

    /// Writes the figures from the ticker: a failure is told on standard error (once, until a
    /// write succeeds again, which is told too) and the service goes on.
    func writeReportingProblems() {
        var problem: String?
        do { try write() } catch { problem = error.message }
        let change = lastProblem.withLock { last -> String?? in
            defer { last = problem }
            return last == problem ? .none : .some(problem)
        }
        guard case .some(let now) = change else { return }
        Console.say(now.map { "warning: \($0) (trying again every interval)" } ?? "the metrics file is written again: \(path)")
    }

    /// An error naming what failed and `errno`'s reason.
    private func failure(_ what: String) -> ServiceError {
        ServiceError("The metrics file could not be written: \(what): \(String(cString: strerror(errno))).")
    }
}

import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs work on threads of its own (POSIX threads, not a pool), so that calls that block wait
/// side by side however few cores there are.
enum Threads {
    /// Starts `count` threads, each calling `body` with its index, and joins them all.
    /// - Throws: the first error a body threw, or when a thread could not be started.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) throws(BenchmarkFailure) -> Void) throws(BenchmarkFailure) {
        let failures = Failures()
        var threads: [pthread_t] = []
        for index in 0..<count {
            let job = Unmanaged.passRetained(Job(index: index, body: body, failures: failures)).toOpaque()
            var thread = pthread_t()
            let error = pthread_create(&thread, nil, { context in
                guard let context else { return nil }
                let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
                do throws(BenchmarkFailure) { try job.body(job.index) } catch { job.failures.add(error) }
                return nil
            }, job)
            guard error == 0 else {
                Unmanaged<Job>.fromOpaque(job).release()
                failures.add(BenchmarkFailure("pthread_create failed: \(String(cString: strerror(error)))"))
                break
            }
            threads.append(thread)
        }
        for thread in threads { pthread_join(thread, nil) }
        if let first = failures.first { throw first }
    }

    private final class Job: Sendable {
        let index: Int
        let body: @Sendable (Int) throws(BenchmarkFailure) -> Void
        let failures: Failures

        init(index: Int, body: @escaping @Sendable (Int) throws(BenchmarkFailure) -> Void, failures: Failures) {
            self.index = index
            self.body = body
            self.failures = failures
        }
    }
}

/// Errors collected from several threads or tasks.
final class Failures: Sendable {
    private let list = Mutex<[BenchmarkFailure]>([])

    func add(_ failure: BenchmarkFailure) { list.withLock { $0.append(failure) } }

    var first: BenchmarkFailure? { list.withLock { $0.first } }
}

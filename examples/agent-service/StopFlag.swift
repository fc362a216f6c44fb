import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Whether the service should stop: set by SIGINT or SIGTERM (or by the workload when its
/// `--count` is done), read by the loops, which sleep in short slices so that they notice soon.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// The longest a `sleep(until:)` sleeps before it looks at the flag again.
    static let slice = Duration.milliseconds(50)

    init() {}

    var isSet: Bool { flag.load(ordering: .acquiring) }

    func set() { flag.store(true, ordering: .releasing) }

    /// Sets the flag on SIGINT and SIGTERM instead of ending the process. The signals are ignored
    /// by the default handler from now on and delivered to a dispatch source; the factory starts
    /// its workers with every signal at its default disposition, so they still end on SIGTERM.
    /// - Returns: the signal sources, to be kept alive for as long as the signals should set the flag.
    func setOnTerminationSignals() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            return source
        }
    }

    /// Sleeps until `instant`, waking every `slice` to look at the flag.
    /// - Returns: `false` when the flag was set (at once, or while sleeping).
    @discardableResult
    func sleep(until instant: ContinuousClock.Instant) -> Bool {
        while !isSet {
            let left = instant - .now
            guard left > .zero else { return true }
            let (seconds, attoseconds) = min(left, Self.slice).components
            var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
        }
        return false
    }
}

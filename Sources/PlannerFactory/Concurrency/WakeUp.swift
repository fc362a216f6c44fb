#if canImport(Glibc)
import Glibc
#endif

/// A condition to wait on until something changes or a deadline passes: waiters sleep until
/// `signal()` is called after they looked. Used where callers wait for a free worker slot.
final class WakeUp: @unchecked Sendable {  // `generation` is guarded by `mutex`
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var generation = 0

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// The current generation: pass it to `wait(after:until:)` to sleep until the next `signal()`.
    var current: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return generation
    }

    /// Wakes every waiter.
    func signal() {
        pthread_mutex_lock(mutex)
        generation += 1
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Sleeps until a `signal()` after generation `seen`, or until `deadline`.
    /// - Returns: `false` when the deadline passed first.
    func wait(after seen: Int, until deadline: ContinuousClock.Instant) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while generation == seen {
            let left = deadline - ContinuousClock.now
            if left <= .zero { return false }
            var until = Self.monotonicTime(after: left)
            pthread_cond_timedwait(condition, mutex, &until)
        }
        return true
    }

    /// The CLOCK_MONOTONIC time `duration` from now.
    static func monotonicTime(after duration: Duration) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let (seconds, attoseconds) = duration.components
        var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var wholeSeconds = Int(now.tv_sec) + Int(min(max(seconds, 0), Int64(Int32.max)))
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            wholeSeconds += 1
        }
        return timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// A pthread mutex with a condition variable on the monotonic clock: the waiting part of
/// `OneShot` and `WakeUp` (pthread primitives, so the thread sanitizer sees the hand-overs).
final class MonotonicCondition: @unchecked Sendable {  // the pthread objects guard themselves
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

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

    /// Runs `body` holding the mutex.
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Wakes every waiter; call it holding the mutex (inside `withLock`).
    func broadcast() {
        pthread_cond_broadcast(condition)
    }

    /// Sleeps (holding the mutex, inside `withLock`) until woken or until `deadline` (`nil`:
    /// until woken). Wake-ups may be spurious: check the condition again.
    /// - Returns: `false` when the deadline had passed.
    func wait(until deadline: ContinuousClock.Instant?) -> Bool {
        guard let deadline else {
            pthread_cond_wait(condition, mutex)
            return true
        }
        let left = deadline - ContinuousClock.now
        if left <= .zero { return false }
        var until = Self.monotonicTime(after: left)
        pthread_cond_timedwait(condition, mutex, &until)
        return true
    }

    /// The CLOCK_MONOTONIC time `duration` from now (at most about 68 years ahead).
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

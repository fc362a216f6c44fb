#if canImport(Glibc)
import Glibc
#endif

/// A value set once by one thread and waited for, with a deadline, by another: the reply slot of
/// a call into a worker. A pthread mutex and condition (monotonic clock), so the thread
/// sanitizer sees the hand-over.
final class OneShot<Value: Sendable>: @unchecked Sendable {  // `value` is guarded by `mutex`
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var value: Value?

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

    /// Sets the value unless one was set already; wakes the waiter.
    /// - Returns: whether this call set it.
    @discardableResult
    func fulfill(_ newValue: Value) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard value == nil else { return false }
        value = newValue
        pthread_cond_broadcast(condition)
        return true
    }

    /// The value, waiting for it until `deadline` (`nil`: no deadline).
    /// - Returns: the value, or `nil` when the deadline passed first.
    func wait(until deadline: ContinuousClock.Instant?) -> Value? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while value == nil {
            guard let deadline else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero { return nil }
            var until = WakeUp.monotonicTime(after: left)
            pthread_cond_timedwait(condition, mutex, &until)
        }
        return value
    }

    /// The value if it is set, without waiting.
    var current: Value? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return value
    }
}

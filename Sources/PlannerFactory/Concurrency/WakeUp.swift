/// A condition to wait on until something changes or a deadline passes: waiters sleep until
/// `signal()` is called after they looked. Used where callers wait for a free worker slot.
final class WakeUp: @unchecked Sendable {  // `generation` is guarded by `condition`'s mutex
    private let condition = MonotonicCondition()
    private var generation = 0

    /// The current generation: pass it to `wait(after:until:)` to sleep until the next `signal()`.
    var current: Int {
        condition.withLock { generation }
    }

    /// Wakes every waiter.
    func signal() {
        condition.withLock {
            generation += 1
            condition.broadcast()
        }
    }

    /// Sleeps until a `signal()` after generation `seen`, or until `deadline`.
    /// - Returns: `false` when the deadline passed first.
    func wait(after seen: Int, until deadline: ContinuousClock.Instant) -> Bool {
        condition.withLock {
            while generation == seen {
                if !condition.wait(until: deadline) { return false }
            }
            return true
        }
    }
}

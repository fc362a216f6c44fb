/// A value set once by one thread and waited for, with a deadline, by another: the reply slot of
/// a call into a worker.
final class OneShot<Value: Sendable>: @unchecked Sendable {  // `value` is guarded by `condition`'s mutex
    private let condition = MonotonicCondition()
    private var value: Value?

    /// Sets the value unless one was set already; wakes the waiter.
    /// - Returns: whether this call set it.
    @discardableResult
    func fulfill(_ newValue: Value) -> Bool {
        condition.withLock {
            guard value == nil else { return false }
            value = newValue
            condition.broadcast()
            return true
        }
    }

    /// The value, waiting for it until `deadline` (`nil`: no deadline).
    /// - Returns: the value, or `nil` when the deadline passed first.
    func wait(until deadline: ContinuousClock.Instant?) -> Value? {
        condition.withLock {
            while value == nil {
                if !condition.wait(until: deadline) { return nil }
            }
            return value
        }
    }

    /// The value if it is set, without waiting.
    var current: Value? {
        condition.withLock { value }
    }
}

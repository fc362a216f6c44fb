/// A lock whose acquisition gives up at a deadline or when told to stop waiting: callers that
/// each have a deadline of their own take turns with it (the sends into one worker).
final class TimedLock: @unchecked Sendable {  // `isHeld` is guarded by `condition`'s mutex
    private let condition = MonotonicCondition()
    private var isHeld = false

    /// Takes the lock, waiting until `deadline` (`nil`: no deadline).
    /// - Returns: `false` when the deadline passed first.
    func acquire(until deadline: ContinuousClock.Instant?) -> Bool {
        condition.withLock {
            while isHeld {
                if !condition.wait(until: deadline) { return false }
            }
            isHeld = true
            return true
        }
    }

    /// Gives the lock back.
    func release() {
        condition.withLock {
            isHeld = false
            condition.broadcast()
        }
    }
}

/// The cancellation of one call: cancelled once, from any thread, it runs the handlers that the
/// call registered (kill the worker it waits for, wake a wait for a free worker). A handler
/// registered after the cancellation runs at once, so a cancellation that arrives before the
/// call got that far is never lost; and no handler runs after its registration ended, so a late
/// cancellation cannot reach a worker the call no longer uses.
final class Cancellation: @unchecked Sendable {  // `isCancelled`, `handlers`, `running`, `nextKey` are guarded by `condition`'s mutex
    private let condition = MonotonicCondition()
    private var isCancelledValue = false
    private var handlers: [Int: @Sendable () -> Void] = [:]
    /// Keys of the handlers `cancel()` is running now.
    private var running: Set<Int> = []
    private var nextKey = 0

    init() {}

    /// Whether it was cancelled.
    var isCancelled: Bool { condition.withLock { isCancelledValue } }

    /// Cancels: runs every registered handler once (outside the lock).
    func cancel() {
        let taken = condition.withLock { () -> [(Int, @Sendable () -> Void)] in
            guard !isCancelledValue else { return [] }
            isCancelledValue = true
            let taken = handlers.map { ($0.key, $0.value) }
            handlers = [:]
            running = Set(taken.map(\.0))
            return taken
        }
        for (key, handler) in taken {
            handler()
            condition.withLock {
                running.remove(key)
                condition.broadcast()
            }
        }
    }

    /// Runs `handler` when cancelled (at once if it is already) until `body` returns; when
    /// `body` returns, a handler that `cancel()` started has finished.
    func whenCancelled<T, E: Error>(_ handler: @escaping @Sendable () -> Void, during body: () throws(E) -> T) throws(E) -> T {
        let key = condition.withLock { () -> Int? in
            guard !isCancelledValue else { return nil }
            let key = nextKey
            nextKey += 1
            handlers[key] = handler
            return key
        }
        if key == nil { handler() }
        defer {
            if let key {
                condition.withLock {
                    handlers[key] = nil
                    while running.contains(key) { _ = condition.wait(until: nil) }
                }
            }
        }
        return try body()
    }
}

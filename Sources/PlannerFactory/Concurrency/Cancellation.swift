/// The cancellation of one call: cancelled once, from any thread, it runs the handlers that the
/// call registered (kill the worker it waits for, wake a wait for a free worker). A handler
/// registered after the cancellation runs at once, so a cancellation that arrives before the
/// call got that far is never lost.
final class Cancellation: Sendable {
    private let state = Locked<State>(State())

    private struct State: Sendable {
        var isCancelled = false
        var handlers: [Int: @Sendable () -> Void] = [:]
        var nextKey = 0
    }

    init() {}

    /// Whether it was cancelled.
    var isCancelled: Bool { state.withLock { $0.isCancelled } }

    /// Cancels: runs every registered handler once (outside the lock).
    func cancel() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.isCancelled else { return [] }
            state.isCancelled = true
            defer { state.handlers = [:] }
            return Array(state.handlers.values)
        }
        for handler in handlers { handler() }
    }

    /// Runs `handler` when cancelled (at once if it is already) until `body` returns.
    func whenCancelled<T, E: Error>(_ handler: @escaping @Sendable () -> Void, during body: () throws(E) -> T) throws(E) -> T {
        let key = state.withLock { state -> Int? in
            guard !state.isCancelled else { return nil }
            let key = state.nextKey
            state.nextKey += 1
            state.handlers[key] = handler
            return key
        }
        if key == nil { handler() }
        defer { if let key { state.withLock { $0.handlers[key] = nil } } }
        return try body()
    }
}

/// The live workers of one factory, at most `FACTORY_MAX_WORKERS`: to start one more, the least
/// recently used idle worker is stopped; when every worker is busy, the start waits for one to
/// end, within the caller's deadline.
final class WorkerPool: Sendable {
    /// The most live workers.
    let limit: Int
    private let state = Locked<State>(State())
    private let changed = WakeUp()

    private struct State: Sendable {
        var live: [ObjectIdentifier: WorkerProcess] = [:]
        /// Starts under way that hold a place.
        var reserved = 0
    }

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Holds a place for a worker about to start, stopping an idle one or waiting when needed.
    /// - Throws: `WorkerFailure.waited` when no place came free by `deadline`, `.cancelled` when
    ///   `isCancelled` turned true (call `wakeWaiters()` then).
    func reserve(until deadline: ContinuousClock.Instant, isCancelled: () -> Bool = { false }) throws(WorkerFailure) {
        while true {
            let seen = changed.current
            if isCancelled() { throw .cancelled }
            enum Step { case reserved, evict(WorkerProcess), wait }
            let step: Step = state.withLock { state in
                if state.live.count + state.reserved < limit {
                    state.reserved += 1
                    return .reserved
                }
                // The least recently used worker that nobody holds and no call runs in; marked
                // as stopping in the same step, so no caller can take it meanwhile.
                for worker in state.live.values.sorted(by: { $0.lastActivity < $1.lastActivity }) where worker.stopIfIdle() {
                    state.live[ObjectIdentifier(worker)] = nil
                    state.reserved += 1
                    return .evict(worker)
                }
                return .wait
            }
            switch step {
            case .reserved: return
            case .evict(let worker):
                worker.terminate()
                return
            case .wait:
                if !changed.wait(after: seen, until: deadline) {
                    throw .waited("all \(limit) workers (FACTORY_MAX_WORKERS) stayed busy")
                }
            }
        }
    }

    /// Turns a reservation into a live worker.
    func admit(_ worker: WorkerProcess) {
        state.withLock { state in
            state.reserved -= 1
            if worker.exit == nil { state.live[ObjectIdentifier(worker)] = worker }
        }
        changed.signal()
    }

    /// Gives back a reservation whose worker did not start.
    func release() {
        state.withLock { $0.reserved -= 1 }
        changed.signal()
    }

    /// Forgets a worker that ended (called from its reader thread).
    func remove(_ worker: WorkerProcess) {
        state.withLock { $0.live[ObjectIdentifier(worker)] = nil }
        changed.signal()
    }

    /// Wakes the calls waiting for a place: a call into a worker ended (its worker may be
    /// stopped now), or a waiting call was cancelled.
    func wakeWaiters() {
        changed.signal()
    }

    /// How many workers live now.
    var liveCount: Int { state.withLock { $0.live.count } }
}

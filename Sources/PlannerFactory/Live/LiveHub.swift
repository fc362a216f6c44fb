/// A factory's live side: its event stream, and the publisher serving it while one runs.
/// Owned by the factory's `TelemetryManager`; a publisher still running when it goes away is stopped.
final class LiveHub: Sendable {
    let stream: LiveEventStream
    private let publisher = Locked<LivePublisher?>(nil)

    init(capacity: Int = 4096) {
        stream = LiveEventStream(capacity: capacity)
    }

    deinit {
        publisher.withLock { $0 }?.stop()
    }

    /// The running publisher's endpoint, if one runs.
    var endpoint: LiveEndpoint? {
        publisher.withLock { $0?.endpoint }
    }

    /// Snapshots the running publisher has made (0 when none runs).
    var snapshotsMade: Int {
        publisher.withLock { $0?.snapshotsMade.load(ordering: .relaxed) ?? 0 }
    }

    /// Starts a publisher unless one runs. - Returns: its endpoint.
    func start(_ make: () throws(FactoryError) -> LivePublisher) throws(FactoryError) -> LiveEndpoint {
        try publisher.withLock { (running: inout LivePublisher?) throws(FactoryError) -> LiveEndpoint in
            if let running { return running.endpoint }
            let started = try make()
            running = started
            return started.endpoint
        }
    }

    /// Stops the publisher, if one runs (outside the lock: stopping waits for its thread).
    func stop() {
        publisher.withLock { running -> LivePublisher? in
            defer { running = nil }
            return running
        }?.stop()
    }
}

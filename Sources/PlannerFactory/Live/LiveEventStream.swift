import Synchronization

/// A factory's live events for its publisher's subscribers: one ring of the most recent events,
/// numbered from 1, that every subscriber reads from its own position. A subscriber that falls
/// more than `capacity` events behind loses the oldest ones and is told how many: in effect a
/// bounded drop-oldest queue per subscriber, at the cost of one append whatever their number.
///
/// The recording thread never waits for a subscriber: with none, `publish` is one relaxed atomic
/// load; with some, one short lock and an append (the publisher's thread encodes and sends).
final class LiveEventStream: Sendable {
    /// How many events a subscriber may lag behind before the oldest are dropped.
    let capacity: Int
    private let subscribers = Atomic<Int>(0)
    private let log: Locked<Log>
    /// The registry the last `status`-kind events were computed against.
    private let registry = Locked(RegistryBaseline())

    private struct Log {
        var ring: RingBuffer<LiveEvent>?
        /// The sequence number the next event gets.
        var next: UInt64 = 1
    }

    /// - Parameter capacity: how many events a subscriber may lag behind (at least 1).
    init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
        log = Locked(Log())
    }

    /// Whether anybody subscribes (the hooks' cheap check).
    @inline(__always)
    var isActive: Bool {
        subscribers.load(ordering: .relaxed) > 0
    }

    /// Appends an event when anybody subscribes; `make` is not evaluated otherwise.
    @inline(__always)
    func publish(_ make: @autoclosure () -> LiveEvent) {
        guard isActive else { return }
        append(make())
    }

    private func append(_ event: consuming LiveEvent) {
        var event = event
        log.withLock { log in
            if log.ring == nil { log.ring = RingBuffer(capacity: capacity) }
            log.ring?.append(exchanging: &event)
            log.next += 1
        }
        // `event` now holds the evicted one: released here, after the lock.
    }

    /// Adds a subscriber. - Returns: the sequence number of the first event it will read.
    func subscribe() -> UInt64 {
        let next = log.withLock { $0.next }
        subscribers.add(1, ordering: .relaxed)
        return next
    }

    /// Removes a subscriber; the last one out frees the ring and forgets the registry told.
    func unsubscribe() {
        let left = subscribers.subtract(1, ordering: .relaxed).newValue
        guard left == 0 else { return }
        registry.withLock { $0 = RegistryBaseline() }
        let ring = log.withLock { log -> RingBuffer<LiveEvent>? in
            defer { log.ring = nil }
            return log.ring
        }
        _ = consume ring
    }

    /// How many subscribers there are.
    var subscriberCount: Int {
        subscribers.load(ordering: .relaxed)
    }

    /// The sequence numbers of the oldest event kept and of the next one.
    var bounds: (oldest: UInt64, next: UInt64) {
        log.withLock { ($0.next - UInt64($0.ring?.count ?? 0), $0.next) }
    }

    /// The events from `position` on, at most `limit`, and how many before them were dropped
    /// (evicted before this subscriber read them).
    func read(from position: UInt64, limit: Int) -> (events: [(UInt64, LiveEvent)], dropped: UInt64, next: UInt64) {
        log.withLock { log in
            guard let ring = log.ring, position < log.next else { return ([], 0, max(position, log.next)) }
            let oldest = log.next - UInt64(ring.count)
            let start = max(position, oldest)
            let end = min(log.next, start + UInt64(limit))
            var events: [(UInt64, LiveEvent)] = []
            events.reserveCapacity(Int(end - start))
            for sequence in start..<end {
                events.append((sequence, ring[logical: Int(sequence - oldest)]))
            }
            return (events, start - position, end)
        }
    }

    /// Publishes what changed in the registry since the last call (or since `resetRegistry`):
    /// probe results, quarantines, releases and other status changes. Registries older than the
    /// last one seen (`generation`) are ignored, so concurrent callers cannot reverse a change.
    func registryChanged(generation: Int, records: [PlannerRecord]) {
        guard isActive else { return }
        let events = registry.withLock { baseline -> [LiveEvent] in
            guard generation > baseline.generation else { return [] }
            defer { baseline.reset(generation: generation, records: records) }
            return baseline.changes(to: records, at: WallClock.now())
        }
        for event in events { publish(event) }
    }

    /// Takes `records` as the registry a new subscriber knows (its snapshot shows them). When it is
    /// the only subscriber, or no snapshot was made before, the registry is taken as it is;
    /// otherwise the changes since the last registry are published first, so the others miss none.
    func resetRegistry(generation: Int, records: [PlannerRecord]) {
        let isFirst = registry.withLock { baseline in
            // No snapshot was made yet: nobody was told of any registry.
            guard baseline.generation == Int.min || subscriberCount <= 1 else { return false }
            if generation >= baseline.generation { baseline.reset(generation: generation, records: records) }
            return true
        }
        if !isFirst { registryChanged(generation: generation, records: records) }
    }
}

import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// The publisher's thread: one `poll` over the wake-up eventfd, the listening socket and every
/// subscriber. Each turn it accepts and checks new subscribers, drops those that hung up, and
/// sends each one what the stream holds for it, as far as its socket takes it (a subscriber
/// whose socket is full waits, and falls behind; the stream drops what it cannot keep).
/// Events are picked up every `tick` while anybody subscribes: recording threads never wake it.
final class LiveLoop {
    private let publisher: LivePublisher
    private var subscribers: [LiveSubscriber] = []
    private var scratch = [UInt8](repeating: 0, count: 4096)
    /// How often queued events are sent, in milliseconds.
    private let tick: Int32 = 20
    /// How long stopping waits for subscribers' full sockets to take `closing`.
    private let closingWait: Duration = .seconds(1)
    /// How long after its hello a subscriber's snapshot is made (a lister hangs up before).
    private let snapshotDelay: Duration = .milliseconds(10)
    /// Events encoded for one subscriber per batch, and batches per turn.
    private let batch = 256
    private let batchesPerTurn = 64

    init(publisher: LivePublisher) {
        self.publisher = publisher
    }

    func run() {
        var hasBacklog = false
        while !publisher.isStopping {
            var descriptors = [pollfd(fd: publisher.wake, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: publisher.claim.listener, events: Int16(POLLIN), revents: 0)]
            for subscriber in subscribers {
                let events = (subscriber.isReadClosed ? 0 : POLLIN) | (subscriber.hasOutput ? POLLOUT : 0)
                descriptors.append(pollfd(fd: subscriber.descriptor, events: Int16(events), revents: 0))
            }
            let isSnapshotDue = subscribers.contains { $0.snapshotDue != nil }
            let timeout: Int32 = subscribers.isEmpty ? -1 : hasBacklog ? 0 : isSnapshotDue ? Int32(snapshotDelay / .milliseconds(1)) : tick
            if poll(&descriptors, nfds_t(descriptors.count), timeout) < 0 && errno != EINTR { break }
            if descriptors[0].revents != 0 { LiveSocket.drain(publisher.wake) }
            if publisher.isStopping { break }
            for (offset, subscriber) in subscribers.enumerated() where !readOrHangUp(subscriber, descriptors[offset + 2].revents) {
                remove(subscriber)
            }
            if descriptors[1].revents != 0 && !acceptWaiting() { break }
            hasBacklog = false
            for subscriber in subscribers {
                switch serve(subscriber) {
                case .gone: remove(subscriber)
                case .backlog: hasBacklog = true
                case .done: break
                }
            }
        }
        closeAll()
        publisher.didFinish()
    }

    /// Tells every subscriber that publishing stops (`closing`, after the line being sent; the
    /// backlog of one far behind is dropped) and closes them, waiting at most `closingWait` in all
    /// for sockets that are full.
    private func closeAll() {
        for subscriber in subscribers { subscriber.finish(with: #"{"type":"closing"}"#) }
        let deadline = ContinuousClock.now + closingWait
        var waiting = subscribers.filter { $0.flush() && $0.hasOutput }
        while !waiting.isEmpty, ContinuousClock.now < deadline {
            var descriptors = waiting.map { pollfd(fd: $0.descriptor, events: Int16(POLLOUT), revents: 0) }
            if poll(&descriptors, nfds_t(descriptors.count), tick) < 0 && errno != EINTR { break }
            waiting = waiting.filter { $0.flush() && $0.hasOutput }
        }
        for subscriber in subscribers { remove(subscriber) }
    }

    /// Reads and discards what a subscriber sent. - Returns: `false` when it hung up or failed.
    private func readOrHangUp(_ subscriber: LiveSubscriber, _ events: Int16) -> Bool {
        if Int32(events) & (POLLHUP | POLLERR | POLLNVAL) != 0 { return false }
        guard Int32(events) & POLLIN != 0 else { return true }
        let result = scratch.withUnsafeMutableBytes { LiveSocket.receive(subscriber.descriptor, into: $0) }
        switch result {
        case .success(0): subscriber.isReadClosed = true  // it closed its side only: keep sending
        case .success: break
        case .failure(let error): return error.code == EAGAIN
        }
        return true
    }

    private enum Served { case done, backlog, gone }

    /// Sends a subscriber its snapshot when it is due, then its events, batch by batch, while its
    /// socket takes them.
    private func serve(_ subscriber: LiveSubscriber) -> Served {
        if let due = subscriber.snapshotDue {
            guard ContinuousClock.now >= due else { return .done }
            guard let snapshot = publisher.source.snapshot() else { return .gone }
            subscriber.enqueue(snapshot.serialized())
            subscriber.snapshotDue = nil
            publisher.snapshotsMade.add(1, ordering: .relaxed)
        }
        for _ in 0..<batchesPerTurn {
            guard subscriber.flush() else { return .gone }
            if subscriber.hasOutput { return .done }  // its socket is full: it waits
            let (events, dropped, next) = publisher.stream.read(from: subscriber.position, limit: batch)
            subscriber.position = next
            if dropped > 0 {
                subscriber.dropped += dropped
                subscriber.enqueue(JSONValue.object([
                    "type": "dropped", "count": .number(Double(dropped)), "totalDropped": .number(Double(subscriber.dropped)),
                    "timestamp": .number(WallClock.now()),
                ]).serialized())
            }
            if events.isEmpty && !subscriber.hasOutput { return .done }
            for (sequence, event) in events { subscriber.enqueue(event.json(sequence: sequence).serialized()) }
        }
        return subscriber.flush() ? .backlog : .gone
    }

    /// Accepts every waiting connection. - Returns: `false` when the factory is gone.
    private func acceptWaiting() -> Bool {
        while true {
            let peer: LiveSocket.Peer
            switch LiveSocket.accept(publisher.claim.listener) {
            case .success(let accepted): peer = accepted
            case .failure(let error) where error.code == EAGAIN || error.code == ECONNABORTED || error.code == EINTR: return true
            case .failure:
                // Out of descriptors (EMFILE …): the listener stays readable; wait a tick rather than spin.
                usleep(UInt32(tick) * 1000)
                return true
            }
            if let refusal = refusal(of: peer) {
                publisher.source.notice("live: refused a subscriber (pid \(peer.pid), uid \(peer.uid)): \(refusal)")
                let line = Array((JSONValue.object(["type": "refused", "message": .string(refusal)]).serialized() + "\n").utf8)
                _ = line.withUnsafeBytes { LiveSocket.send(peer.descriptor, $0) }
                close(peer.descriptor)
                continue
            }
            let subscriber = LiveSubscriber(descriptor: peer.descriptor, uid: peer.uid, pid: peer.pid, position: publisher.stream.subscribe())
            subscribers.append(subscriber)
            guard let counts = publisher.source.counts() else { return false }
            // The hello goes first, at once: `factory ps` reads only that and hangs up, before
            // its snapshot is made.
            subscriber.enqueue(publisher.hello(subscribers: subscribers, counts: counts).serialized())
            _ = subscriber.flush()
            subscriber.snapshotDue = .now + snapshotDelay
        }
    }

    /// Why a peer may not subscribe, or `nil`: only this user and root may, and at most `subscriberLimit` at once.
    private func refusal(of peer: LiveSocket.Peer) -> String? {
        let own = geteuid()
        if peer.uid != own && peer.uid != 0 {
            return "uid \(peer.uid) may not subscribe: this publisher (pid \(publisher.endpoint.pid)) accepts only its own uid \(own) and root."
        }
        if subscribers.count >= LivePublisher.subscriberLimit {
            return "this publisher already has \(LivePublisher.subscriberLimit) subscribers."
        }
        return nil
    }

    private func remove(_ subscriber: LiveSubscriber) {
        guard let index = subscribers.firstIndex(where: { $0 === subscriber }) else { return }
        subscribers.remove(at: index)
        close(subscriber.descriptor)
        publisher.stream.unsubscribe()
    }
}

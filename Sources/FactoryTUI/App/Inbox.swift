import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Where background work posts its results for the UI thread. Posting appends under a lock and
/// writes a byte to a pipe, so the UI loop, waiting in `poll` on `wakeDescriptor`, wakes at once.
public final class Inbox: Sendable {
    private let events = Locked<[AppEvent]>([])
    private let descriptors: (read: Int32, write: Int32)

    public init() {
        var pair: [Int32] = [-1, -1]
        if pipe(&pair) == 0 {
            for descriptor in pair {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
            }
        } else {
            pair = [-1, -1]
        }
        descriptors = (pair[0], pair[1])
    }

    deinit {
        close(descriptors.read)
        close(descriptors.write)
    }

    /// The descriptor that becomes readable when events are waiting.
    public var wakeDescriptor: Int32 { descriptors.read }

    /// Posts an event (from any thread).
    public func post(_ event: AppEvent) {
        events.withLock { $0.append(event) }
        var byte: UInt8 = 1
        _ = write(descriptors.write, &byte, 1)  // a full pipe already means "wake up"
    }

    /// Takes every waiting event, in order, and clears the wake-up.
    public func drain() -> [AppEvent] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while buffer.withUnsafeMutableBytes({ read(descriptors.read, $0.baseAddress, $0.count) }) > 0 {}
        return events.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}

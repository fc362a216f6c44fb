import PlannerKit
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Publishes a factory's live events on a Unix-domain socket (see `LiveDirectory` for where) from
/// one thread of its own: it accepts subscribers of this user or root (checked with
/// `SO_PEERCRED`), sends each a hello line and a snapshot, then the events of the stream as JSON
/// lines. Sockets are never written from the threads that record events.
final class LivePublisher: Sendable {
    /// What a publisher asks of its factory, which it does not keep alive.
    struct Source: Sendable {
        /// Planners and selections so far, for the hello line; `nil` when the factory is gone.
        var counts: @Sendable () -> (planners: Int, selections: Int)?
        /// The snapshot line's object; `nil` when the factory is gone. Taking it tells the stream
        /// which registry new subscribers know.
        var snapshot: @Sendable () -> JSONValue?
        /// Told about refused subscribers.
        var notice: @Sendable (String) -> Void
    }

    /// The format of the hello line, the snapshot and the events (README "Watching a running factory").
    static let formatVersion = 1
    /// Subscribers at most; more are refused.
    static let subscriberLimit = 64

    /// Where subscribers connect.
    let endpoint: LiveEndpoint
    let stream: LiveEventStream
    let source: Source
    /// What the hello line says about this process.
    let commandLine: [String]
    let processStart: Double?
    let publishingSince: Double
    let stateDirectory: String
    let claim: LiveDirectory.Claim
    let directory: LiveDirectory
    let wake: Int32
    /// Snapshots made so far (listers that read only the hello cost none).
    let snapshotsMade = Atomic<Int>(0)
    private let stopRequested = Atomic<Bool>(false)
    private let finished = OneShot<Bool>()

    private init(claim: LiveDirectory.Claim, directory: LiveDirectory, wake: Int32, stream: LiveEventStream, source: Source, stateDirectory: String) {
        self.claim = claim
        self.directory = directory
        self.wake = wake
        self.stream = stream
        self.source = source
        self.stateDirectory = stateDirectory
        endpoint = LiveEndpoint(id: claim.id, pid: getpid(), socketPath: claim.socketPath)
        commandLine = ProcessFacts.commandLine()
        processStart = ProcessFacts.startTime()
        publishingSince = WallClock.now()
    }

    /// Claims a socket in `<stateDirectory>/live` and starts the publishing thread.
    /// - Throws: `FactoryError` `.liveUnavailable` (or `.invalidConfiguration` for a state folder that cannot be made).
    static func start(stateDirectory: String, environment: [String: String], stream: LiveEventStream, source: Source) throws(FactoryError) -> LivePublisher {
        let directory = LiveDirectory(stateDirectory: stateDirectory)
        let claim = try directory.claim(pid: getpid(), stateDirectory: stateDirectory, environment: environment)
        let wake: Int32
        switch LiveSocket.makeWakeDescriptor() {
        case .success(let descriptor): wake = descriptor
        case .failure(let error):
            directory.release(claim)
            throw LiveDirectory.failure("no eventfd", error)
        }
        let publisher = LivePublisher(claim: claim, directory: directory, wake: wake, stream: stream, source: source, stateDirectory: stateDirectory)
        guard BackgroundThread.start({ LiveLoop(publisher: publisher).run() }) else {
            close(wake)
            directory.release(claim)
            throw FactoryError(.liveUnavailable, "Cannot publish live events: no thread could be started.")
        }
        return publisher
    }

    /// Whether `stop()` was called.
    var isStopping: Bool { stopRequested.load(ordering: .acquiring) }

    /// Stops publishing: subscribers are told (`closing`) and disconnected, the socket and lock
    /// file removed. Waits for the thread (at most 5 s). Idempotent.
    func stop() {
        if !stopRequested.exchange(true, ordering: .acquiringAndReleasing) { LiveSocket.signal(wake) }
        _ = finished.wait(until: .now + .seconds(5))
    }

    /// Called by the thread as its last act (the thread may end by itself when the factory is
    /// gone; the eventfd stays open until nobody can signal it any more).
    func didFinish() {
        directory.release(claim)
        finished.fulfill(true)
    }

    deinit {
        close(wake)
    }

    /// The hello line: who publishes, and what its subscribers have lost so far.
    func hello(subscribers: [LiveSubscriber], counts: (planners: Int, selections: Int)) -> JSONValue {
        let (oldest, _) = stream.bounds
        let list: [JSONValue] = subscribers.map { subscriber in
            let pending = oldest > subscriber.position ? oldest - subscriber.position : 0
            return ["pid": .number(Double(subscriber.pid)), "uid": .number(Double(subscriber.uid)),
                    "dropped": .number(Double(subscriber.dropped + pending))]
        }
        return [
            "type": "hello", "format": .number(Double(Self.formatVersion)),
            "pid": .number(Double(endpoint.pid)), "id": .string(endpoint.id), "uid": .number(Double(geteuid())),
            "command": .array(commandLine.map(JSONValue.string)),
            "startTime": processStart.map(JSONValue.number) ?? .null,
            "publishingSince": .number(publishingSince),
            "stateDirectory": .string(stateDirectory), "socket": .string(endpoint.socketPath),
            "planners": .number(Double(counts.planners)), "selections": .number(Double(counts.selections)),
            "queueCapacity": .number(Double(stream.capacity)),
            "subscribers": .array(list),
        ]
    }
}

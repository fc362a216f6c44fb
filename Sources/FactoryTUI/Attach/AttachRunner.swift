import Foundation
import Logging
import PlannerFactory
import PlannerKit

/// `factory-tui --attach`: shows another process's factory. One background thread lists the
/// publishers of the state folder, connects, and feeds every line to a `LiveMirror`, posting
/// the planners and telemetry to the inbox (at most a few times a second, however fast the
/// other process goes); rankings are computed here on the mirror. The UI thread never touches
/// the socket. Nothing is ever asked of the other process: effects that would act on it are
/// refused (the update disables their keys first).
///
/// When the process stops or goes away it says so and waits for a process of the same command
/// line to publish again, then attaches to that one.
public final class AttachRunner: EffectPerformer {
    /// Which publisher to attach to.
    public enum Target: Sendable, Hashable {
        /// None yet: list them for the user to pick.
        case pick
        /// The publisher of this pid.
        case pid(Int32)
        /// The publisher of this id (picked).
        case id(String)
        /// The next publisher whose command line is this one (after the last one went away).
        case command(String)
    }

    let mirror = LiveMirror()
    let inbox: Inbox
    let logger: Logger
    let directory: LiveDirectory
    let target: Locked<Target>
    /// While telemetry is paused: the snapshot shown (the mirror goes on receiving).
    let paused = Locked<TelemetrySnapshot?>(nil)
    /// The command line of each publisher id asked so far (asking costs a publisher a snapshot).
    let commands = Locked<[String: String]>([:])
    /// Publishers followed until they went away, and when: not taken for their successor for
    /// `goneInterval`, while their files may still be listed.
    let goneIDs = Locked<[String: ContinuousClock.Instant]>([:])
    static let goneInterval: Duration = .seconds(2)
    /// Wakes the thread when the user picks a publisher.
    let wake = DispatchSemaphore(value: 0)
    /// How often the thread posts planners and telemetry at most.
    static let postInterval: Duration = .milliseconds(200)
    /// How often publishers are listed while picking or waiting.
    static let listInterval: Duration = .milliseconds(500)

    public init(stateDirectory: String, target: Target, inbox: Inbox, logger: Logger) {
        directory = LiveDirectory(stateDirectory: stateDirectory)
        self.target = Locked(target)
        self.inbox = inbox
        self.logger = logger
    }

    public func perform(_ effect: Effect) -> AppEvent? {
        switch effect {
        case .rank(let objective, let capabilities):
            return .ranked(mirror.rank(objective: objective, capabilities: capabilities))
        case .refreshTelemetry:
            return .telemetry(paused.withLock { $0 } ?? mirror.telemetry())
        case .setTelemetryPaused(let isPaused):
            var snapshot = mirror.telemetry()
            snapshot.isPaused = isPaused
            paused.withLock { $0 = isPaused ? snapshot : nil }
            return .telemetry(snapshot)
        case .attach(let id):
            target.withLock { $0 = .id(id) }
            wake.signal()
            return nil
        case .loadTask(let domain, let problem):
            let (inbox, logger) = (self.inbox, self.logger)
            Thread.detachNewThread { EffectRunner.loadTask(domain: domain, problem: problem, inbox: inbox, logger: logger) }
            return nil
        case .rediscover, .probePending, .health, .plan, .planTask, .portfolio, .release, .cancelPlans, .burst:
            return .failed(.attach, "Attached to another process: nothing is done to it from here")
        }
    }

    public func start() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Waits `duration`, or less when the user picks a publisher.
    func pause(_ duration: Duration) {
        _ = wake.wait(timeout: .now() + .milliseconds(Int(duration.seconds * 1000)))
    }

    private func run() {
        while true {
            guard let endpoint = findPublisher() else { continue }
            follow(endpoint)
        }
    }
}

/// A planner that stops early when asked: builtins run in the factory's own process, where no
/// worker can be killed, so a long search checks `stop` in its loop and gives up within
/// milliseconds when the call is cancelled or its deadline passes.
///
/// ```swift
/// func plan(_ objective: Objective, stop: PlanningStop) throws -> Plan {
///     while let node = open.popFirst() {
///         try stop.check()          // throws PlanningError(.limitReached) or CancellationError
///         …
///     }
/// }
/// ```
public protocol InterruptiblePlanner: Planner {
    /// Plans for an objective, stopping when `stop` says so.
    /// - Throws: `PlanningError` (`.limitReached` at the deadline) or `CancellationError`.
    func plan(_ objective: Objective, stop: PlanningStop) throws -> Plan
}

extension InterruptiblePlanner {
    /// Plans with the objective's own deadline and no cancellation.
    public func plan(_ objective: Objective) throws -> Plan {
        try plan(objective, stop: PlanningStop(deadline: objective.deadline.map { .now + .nanoseconds(Int64(min($0, 1e9) * 1e9)) }))
    }
}

/// When a planning call must stop: a deadline, and a check for cancellation.
public struct PlanningStop: Sendable {
    /// The instant the plan must be done by, if any.
    public var deadline: ContinuousClock.Instant?
    private let isCancelledCheck: @Sendable () -> Bool

    /// A stop at `deadline` (`nil`: none) or when `isCancelled` turns true.
    public init(deadline: ContinuousClock.Instant? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.deadline = deadline
        self.isCancelledCheck = isCancelled
    }

    /// Whether the call was cancelled.
    public var isCancelled: Bool { isCancelledCheck() }

    /// Whether the deadline has passed.
    public var isPastDeadline: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// Throws when the planner must stop: `CancellationError` when cancelled,
    /// `PlanningError(.limitReached)` past the deadline. Cheap enough for every few hundred
    /// expansions of a search (a clock read and a lock).
    public func check() throws {
        if isCancelled { throw CancellationError() }
        if isPastDeadline { throw PlanningError(.limitReached, "the deadline passed before a plan was found") }
    }
}

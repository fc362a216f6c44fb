import PlannerKit

/// A created planner, cached by the factory per (name, configuration). Calls into one instance
/// are serialized unless its descriptor declares it thread-safe. A plugin's instance lives in a
/// worker process unless the configuration says `in-process` (see `Isolation`).
public final class PlannerInstance: Sendable {
    /// The planner's name.
    public let name: String
    /// The configuration it was created with.
    public let configuration: PlannerConfiguration
    /// Whether calls run concurrently.
    public let isThreadSafe: Bool
    private let backend: any InstanceBackend
    /// Serializes calls into a planner that is not thread-safe. Taken after the factory's state
    /// lock is released, never before it.
    private let callLock = Locked<Void>(())
    /// Where plan calls are recorded.
    private let telemetry: TelemetryManager?
    /// What is done with each plan before it is returned (PDDL plans are validated).
    private let planCheck: PlanCheck

    init(name: String, configuration: PlannerConfiguration, backend: any InstanceBackend, isThreadSafe: Bool,
         telemetry: TelemetryManager? = nil, planCheck: PlanCheck = PlanCheck()) {
        self.planCheck = planCheck
        self.name = name
        self.configuration = configuration
        self.backend = backend
        self.isThreadSafe = isThreadSafe
        self.telemetry = telemetry
    }

    /// Where this instance's code runs: `.process` (a worker) or `.inProcess`.
    public var isolation: Isolation { backend.isolation }

    /// Plans for an objective.
    /// - Throws: `FactoryError`: `.planningFailed` wrapping the planner's `PlanningError` (its
    ///   code in `context["code"]`), `.callTimeout`, `.cancelled` or `.workerFailed`.
    public func plan(_ objective: Objective) throws(FactoryError) -> Plan {
        try plan(objective, cancellation: Cancellation())
    }

    /// Plans for an objective until `cancellation` is cancelled (or `cancel()` is called).
    func plan(_ objective: Objective, cancellation: Cancellation) throws(FactoryError) -> Plan {
        let start = ContinuousClock.now
        telemetry?.notePlanStart(planner: name, objective: objective.text, workerPID: backend.workerPID)
        do {
            if let deadline = objective.deadline, !(deadline.isFinite && deadline > 0) {
                throw PlanningError(.invalidObjective, "the objective's deadline must be a number of seconds greater than 0, not \(deadline)")
            }
            let plan = try planCheck.checked(try call { try backend.plan(objective, cancellation: cancellation) }, for: objective, planner: name)
            record(since: start, outcome: "success", error: nil)
            return plan
        } catch let error as FactoryError {
            record(since: start, outcome: error.code.description, error: error.message)
            throw error
        } catch {
            let planning = error as? PlanningError
            var context = ["planner": name, "objective": objective.text]
            context["code"] = planning?.code.description
            let message = planning?.message ?? String(describing: error)
            // The planner's words as one line (a line break in them could forge a line of a
            // command's output), cut when long, exact in the context (`plannerMessage`); a long
            // objective cut too.
            context["plannerMessage"] = message
            let failure = FactoryError(
                .planningFailed,
                "Planner \"\(name)\" could not plan for \"\(TerminalText.excerpt(objective.text, limit: 200))\": \(TerminalText.excerpt(message, limit: TerminalText.pluginMessageLimit))",
                context: context, cause: error)
            record(since: start, outcome: planning?.code.description ?? "planning-failed", error: failure.message)
            throw failure
        }
    }

    private func record(since start: ContinuousClock.Instant, outcome: String, error: String?) {
        guard let telemetry else { return }
        telemetry.recordPlanCall(PlanCallRecord(planner: name, workerPID: backend.workerPID, duration: ContinuousClock.now - start,
                                                outcome: outcome, error: error))
    }

    /// The instance's own health.
    public func health() -> PlannerHealth {
        call { backend.health() }
    }

    /// The instance's own health, or `nil` when a call into it is running (a plan that may never
    /// return must not hold up a health check).
    public func healthIfIdle() -> PlannerHealth? {
        if isThreadSafe { return backend.health() }
        return callLock.withLockIfAvailable { _ in backend.health() }
    }

    /// Ends the calls into this instance that are running now, including one whose worker is
    /// still being started: its worker is killed at once (the calls fail with `.cancelled`, which
    /// is not a fault of the planner) and started again on the next call. An idle worker stays.
    /// An in-process planner cannot be interrupted: nothing happens.
    /// - Returns: how many calls were cancelled.
    @discardableResult
    public func cancel() -> Int {
        backend.cancel()
    }

    /// The worker processes behind this instance: none for in-process planners.
    public var workers: [WorkerInfo] {
        backend.workers()
    }

    private func call<T>(_ body: () throws -> T) rethrows -> T {
        if isThreadSafe { return try body() }
        return try callLock.withLock { _ in try body() }
    }
}

import Synchronization

/// The factory's telemetry: a selection profiler and an instantiation profiler of one capacity,
/// a pause switch, and snapshots of both.
///
/// Thread-safe. Each instance is independent, so tests never share one.
///
/// ```swift
/// let telemetry = TelemetryManager(capacity: 256)
/// telemetry.recordSelection(SelectionRecord(objective: "route", candidateCount: 2, winner: "astar", duration: .microseconds(30)))
/// print(telemetry.snapshot().json.serialized(pretty: true))
/// ```
public final class TelemetryManager: Sendable {
    /// How many recent records of each kind are kept.
    public let capacity: Int
    /// The selections' profiler.
    public let selections: SelectionProfiler
    /// The instantiations' profiler.
    public let instantiations: InstantiationProfiler
    /// The plan calls' profiler.
    public let planCalls: PlanCallProfiler
    /// The live event stream and its publisher (`PlannerFactory.startPublishing`).
    let live = LiveHub()
    /// The same figures for swift-metrics backends.
    let metrics: FactoryMetrics

    private let paused = Atomic<Bool>(false)
    private let dropped = Atomic<Int>(0)

    /// Creates a manager with empty profilers.
    /// - Parameter capacity: how many recent records of each kind to keep; at least 1.
    public convenience init(capacity: Int) {
        self.init(capacity: capacity, metrics: FactoryMetrics())
    }

    /// Creates a manager that also reports to `metrics`.
    init(capacity: Int, metrics: FactoryMetrics) {
        self.metrics = metrics
        self.capacity = capacity
        selections = SelectionProfiler(capacity: capacity)
        instantiations = InstantiationProfiler(capacity: capacity)
        planCalls = PlanCallProfiler(capacity: capacity)
    }

    /// Whether recording is paused: paused managers drop records (and count them).
    public var isPaused: Bool {
        paused.load(ordering: .relaxed)
    }

    /// How many records were dropped while paused, since creation or the last reset.
    public var droppedWhilePaused: Int {
        dropped.load(ordering: .relaxed)
    }

    /// Pauses or resumes recording.
    /// - Parameter isPaused: `true` to drop records from now on, `false` to record them again.
    public func setPaused(_ isPaused: Bool) {
        paused.store(isPaused, ordering: .relaxed)
    }

    /// Records a selection, unless paused.
    /// - Parameter record: the selection.
    public func recordSelection(_ record: consuming SelectionRecord) {
        guard !dropIfPaused() else { return }
        live.stream.publish(.selection(copy record))
        metrics.recordSelection(winner: record.winner, duration: record.duration)
        selections.record(record)
    }

    /// Records an instantiation, unless paused.
    /// - Parameter record: the instantiation.
    public func recordInstantiation(_ record: consuming InstantiationRecord) {
        guard !dropIfPaused() else { return }
        live.stream.publish(.instantiation(copy record))
        instantiations.record(record)
    }

    /// Records a plan call, unless paused.
    /// - Parameter record: the plan call.
    public func recordPlanCall(_ record: consuming PlanCallRecord) {
        guard !dropIfPaused() else { return }
        live.stream.publish(.planEnd(copy record))
        metrics.recordPlanCall(planner: record.planner, isSuccess: record.isSuccess, duration: record.duration)
        planCalls.record(record)
    }

    /// Tells live subscribers that a plan call started (nothing is recorded: its end is).
    func notePlanStart(planner: String, objective: String, workerPID: Int32?) {
        guard live.stream.isActive, !isPaused else { return }
        live.stream.publish(.planStart(.init(timestamp: WallClock.now(), planner: planner, objective: objective, workerPID: workerPID)))
    }

    /// The statistics and every recent record of both profilers. Each profiler is read under its
    /// own lock, so each half is consistent in itself.
    public func snapshot() -> TelemetrySnapshot {
        let selection = selections.snapshot(limit: capacity)
        let instantiation = instantiations.snapshot(limit: capacity)
        let planCall = planCalls.snapshot(limit: capacity)
        var snapshot = TelemetrySnapshot(
            capacity: capacity,
            isPaused: isPaused,
            droppedWhilePaused: droppedWhilePaused,
            selection: selection.summary,
            instantiation: instantiation.summary,
            instantiationPhases: instantiation.phases,
            recentSelections: selection.recent,
            recentInstantiations: instantiation.recent
        )
        snapshot.planCall = planCall.summary
        snapshot.recentPlanCalls = planCall.recent
        return snapshot
    }

    /// Forgets every record and statistic and zeroes `droppedWhilePaused`; a pause stays in effect.
    public func reset() {
        selections.reset()
        instantiations.reset()
        planCalls.reset()
        dropped.store(0, ordering: .relaxed)
    }

    /// Counts a dropped record when paused. Returns whether the record must be dropped.
    private func dropIfPaused() -> Bool {
        guard paused.load(ordering: .relaxed) else { return false }
        dropped.add(1, ordering: .relaxed)
        return true
    }
}

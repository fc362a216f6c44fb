import CoreMetrics

/// The factory's figures through apple/swift-metrics, for Prometheus or OpenTelemetry backends:
///
/// - `planner_factory_selections_total` (counter; `outcome`: `success`, `failure`),
/// - `planner_factory_selection_winners_total` (counter; `planner`),
/// - `planner_factory_selection_duration_seconds` (timer),
/// - `planner_factory_plan_duration_seconds` (timer; `planner`, `outcome`: `success`, `failure`),
/// - `planner_factory_probes_total` (counter; `outcome`: `passed`, `failed`),
/// - `planner_factory_quarantines_total` (counter),
/// - `planner_factory_worker_restarts_total` (counter).
///
/// Nothing is reported unless the application bootstrapped a backend (`MetricsSystem.bootstrap`)
/// before creating the factory, or gave one to `PlannerFactory(…, metrics:)`: with the default
/// no-op backend every hook is one Boolean test.
final class FactoryMetrics: Sendable {
    /// Whether a real backend receives the figures.
    let isEnabled: Bool
    private let factory: any MetricsFactory
    private let selections: (success: Counter, failure: Counter)
    private let selectionLatency: Timer
    private let probes: (passed: Counter, failed: Counter)
    private let quarantines: Counter
    private let restarts: Counter
    /// Made on first use, one per planner (and outcome).
    private let winners = Locked<[String: Counter]>([:])
    private let planLatencies = Locked<[String: Timer]>([:])
    /// The registry the probe and quarantine counts were taken against.
    private let registry = Locked(RegistryBaseline())

    /// - Parameter factory: the backend; `nil`: `MetricsSystem.factory` (no-op unless bootstrapped).
    init(factory: (any MetricsFactory)? = nil) {
        let factory = factory ?? MetricsSystem.factory
        self.factory = factory
        isEnabled = !(factory is NOOPMetricsHandler)
        selections = (Counter(label: "planner_factory_selections_total", dimensions: [("outcome", "success")], factory: factory),
                      Counter(label: "planner_factory_selections_total", dimensions: [("outcome", "failure")], factory: factory))
        selectionLatency = Timer(label: "planner_factory_selection_duration_seconds", dimensions: [], factory: factory)
        probes = (Counter(label: "planner_factory_probes_total", dimensions: [("outcome", "passed")], factory: factory),
                  Counter(label: "planner_factory_probes_total", dimensions: [("outcome", "failed")], factory: factory))
        quarantines = Counter(label: "planner_factory_quarantines_total", dimensions: [], factory: factory)
        restarts = Counter(label: "planner_factory_worker_restarts_total", dimensions: [], factory: factory)
    }

    func recordSelection(winner: String?, duration: Duration) {
        guard isEnabled else { return }
        selectionLatency.recordNanoseconds(LatencyRecorder.clampedNanoseconds(duration))
        guard let winner else { return selections.failure.increment() }
        selections.success.increment()
        let factory = factory
        winners.withLock { counters in
            if let counter = counters[winner] { return counter }
            let counter = Counter(label: "planner_factory_selection_winners_total", dimensions: [("planner", winner)], factory: factory)
            counters[winner] = counter
            return counter
        }.increment()
    }

    func recordPlanCall(planner: String, isSuccess: Bool, duration: Duration) {
        guard isEnabled else { return }
        let outcome = isSuccess ? "success" : "failure"
        let factory = factory
        planLatencies.withLock { timers in
            let key = planner + "\u{0}" + outcome
            if let timer = timers[key] { return timer }
            let timer = Timer(label: "planner_factory_plan_duration_seconds", dimensions: [("planner", planner), ("outcome", outcome)], factory: factory)
            timers[key] = timer
            return timer
        }.recordNanoseconds(LatencyRecorder.clampedNanoseconds(duration))
    }

    func workerRestarted() {
        guard isEnabled else { return }
        restarts.increment()
    }

    /// Counts the probe results and quarantines among the registry's changes since the last call.
    func registryChanged(generation: Int, records: [PlannerRecord]) {
        guard isEnabled else { return }
        let events = registry.withLock { baseline -> [LiveEvent] in
            guard generation > baseline.generation else { return [] }
            defer { baseline.reset(generation: generation, records: records) }
            return baseline.changes(to: records, at: 0)
        }
        for event in events {
            switch event {
            case .probe(let record, _): (record.status == .active ? probes.passed : probes.failed).increment()
            case .quarantine: quarantines.increment()
            default: break
            }
        }
    }
}

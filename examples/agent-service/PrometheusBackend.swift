import CoreMetrics
import Prometheus

/// swift-prometheus as this process's swift-metrics backend: the factory's counters and timers
/// (README "Metrics") land in one registry, which the service writes out in the Prometheus text
/// exposition format.
enum PrometheusBackend {
    /// Histogram buckets of the selection timer: a selection takes microseconds, far below
    /// swift-prometheus' default buckets (5 ms to 10 s).
    static let selectionBuckets: [Duration] = [
        .microseconds(5), .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100),
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(25),
    ]

    /// Histogram buckets of the plan timers: from a builtin's microseconds to a real planner's seconds.
    static let planBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2), .seconds(10),
    ]

    /// Makes a registry, bootstraps swift-metrics with a factory over it (once per process) and
    /// returns both: the factory for `PlannerFactory(…, metrics:)`, the registry for writing out.
    static func bootstrap() -> (registry: PrometheusCollectorRegistry, factory: PrometheusMetricsFactory) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["planner_factory_selection_duration_seconds"] = selectionBuckets
        factory.durationHistogramBuckets["planner_factory_plan_duration_seconds"] = planBuckets
        MetricsSystem.bootstrap(factory)
        return (registry, factory)
    }
}

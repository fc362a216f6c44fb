import PlannerFactory

/// Records for telemetry tests.
enum TelemetryFixtures {
    /// A selection of `duration`, failed when `error` is given.
    static func selection(
        _ duration: Duration, objective: String = "route from 0,0 to 3,3", candidateCount: Int = 3, error: String? = nil
    ) -> SelectionRecord {
        SelectionRecord(
            timestamp: 1_700_000_000.25,
            objective: objective,
            capabilities: ["grid", "2d"],
            candidateCount: candidateCount,
            winner: error == nil ? "astar" : nil,
            error: error,
            duration: duration
        )
    }

    /// An instantiation with a `probe`, a `load` and a `create` phase.
    static func instantiation(
        planner: String = "astar",
        probe: Duration = .milliseconds(3), load: Duration = .microseconds(500), create: Duration = .microseconds(80),
        outcome: InstantiationRecord.Outcome = .success
    ) -> InstantiationRecord {
        InstantiationRecord(
            timestamp: 1_700_000_000.5,
            planner: planner,
            phases: [
                .init(name: "probe", duration: probe),
                .init(name: "load", duration: load),
                .init(name: "create", duration: create),
            ],
            outcome: outcome
        )
    }

    /// Whether `actual` is within 0.1 % of `expected` (the histogram's 3 significant digits).
    static func isClose(_ actual: Duration, to expected: Duration) -> Bool {
        let difference = actual > expected ? actual - expected : expected - actual
        return difference <= expected / 1_000
    }
}

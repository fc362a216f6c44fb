import PlannerKit

/// A report of the factory's state, for people and support tickets.
public struct Diagnostics: Sendable {
    /// How many planners have each status.
    public var countsByStatus: [PlannerStatus: Int]
    /// The most recent errors, newest first.
    public var recentErrors: [ErrorEvent]
    /// The configuration in effect.
    public var configuration: FactoryConfiguration
    /// The last discovery, if any.
    public var lastDiscovery: DiscoveryReport?
    /// Plugin-path warnings.
    public var warnings: [String]
    /// How many planner instances are cached.
    public var instanceCount: Int
    /// Selection and instantiation telemetry.
    public var telemetry: TelemetrySnapshot

    /// The report as JSON.
    public var json: JSONValue {
        [
            "counts": .object(Dictionary(uniqueKeysWithValues: PlannerStatus.all.map {
                ($0.description, JSONValue.number(Double(countsByStatus[$0] ?? 0)))
            })),
            "recentErrors": .array(recentErrors.map(\.json)),
            "configuration": configuration.json,
            "lastDiscovery": lastDiscovery?.json ?? .null,
            "warnings": .array(warnings.map(JSONValue.string)),
            "instances": .number(Double(instanceCount)),
            "telemetry": telemetry.json,
        ]
    }
}

extension PlannerFactory {
    /// A diagnostics report: counts by status, recent errors, configuration in effect, telemetry.
    public func diagnostics() -> Diagnostics {
        let snapshot = state.withLock { state in
            (Dictionary(grouping: state.records, by: \.status).mapValues(\.count),
             state.recentErrors.newestFirst(limit: 50), state.lastDiscovery, state.warnings, state.instances.count)
        }
        return Diagnostics(
            countsByStatus: snapshot.0, recentErrors: snapshot.1, configuration: configuration,
            lastDiscovery: snapshot.2, warnings: snapshot.3, instanceCount: snapshot.4, telemetry: telemetry.snapshot())
    }
}

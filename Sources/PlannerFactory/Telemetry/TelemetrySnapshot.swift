import PlannerKit

/// Everything a `TelemetryManager` knows at one moment: statistics and the recent records.
public struct TelemetrySnapshot: Sendable {
    /// How many recent records of each kind the manager keeps.
    public var capacity: Int
    /// Whether recording was paused.
    public var isPaused: Bool
    /// How many records were dropped because recording was paused.
    public var droppedWhilePaused: Int
    /// Statistics of every selection since creation or the last reset.
    public var selection: LatencySummary
    /// Statistics of the total durations of every instantiation since creation or the last reset.
    public var instantiation: LatencySummary
    /// Statistics per instantiation phase name.
    public var instantiationPhases: [String: LatencySummary]
    /// The recent selections, newest first.
    public var recentSelections: [SelectionRecord]
    /// The recent instantiations, newest first.
    public var recentInstantiations: [InstantiationRecord]
    /// Statistics of every plan call since creation or the last reset.
    public var planCall: LatencySummary = .empty
    /// The recent plan calls, newest first.
    public var recentPlanCalls: [PlanCallRecord] = []

    /// Creates a snapshot (front ends' tests make their own; the manager makes real ones).
    /// - Parameters:
    ///   - capacity: how many recent records of each kind are kept.
    ///   - isPaused: whether recording is paused.
    ///   - droppedWhilePaused: how many records were dropped while paused.
    ///   - selection: selection statistics.
    ///   - instantiation: instantiation statistics.
    ///   - instantiationPhases: statistics per phase name.
    ///   - recentSelections: recent selections, newest first.
    ///   - recentInstantiations: recent instantiations, newest first.
    public init(
        capacity: Int,
        isPaused: Bool = false,
        droppedWhilePaused: Int = 0,
        selection: LatencySummary = .empty,
        instantiation: LatencySummary = .empty,
        instantiationPhases: [String: LatencySummary] = [:],
        recentSelections: [SelectionRecord] = [],
        recentInstantiations: [InstantiationRecord] = []
    ) {
        self.capacity = capacity
        self.isPaused = isPaused
        self.droppedWhilePaused = droppedWhilePaused
        self.selection = selection
        self.instantiation = instantiation
        self.instantiationPhases = instantiationPhases
        self.recentSelections = recentSelections
        self.recentInstantiations = recentInstantiations
    }

    /// The snapshot as JSON: `capacity`, `isPaused`, `droppedWhilePaused`, `selection` and
    /// `instantiation` (see `LatencySummary.json`), `instantiationPhases` (an object by phase name),
    /// and `recentSelections` and `recentInstantiations` (arrays, newest first).
    public var json: JSONValue {
        [
            "capacity": .number(Double(capacity)),
            "isPaused": .bool(isPaused),
            "droppedWhilePaused": .number(Double(droppedWhilePaused)),
            "selection": selection.json,
            "instantiation": instantiation.json,
            "instantiationPhases": .object(instantiationPhases.mapValues(\.json)),
            "recentSelections": .array(recentSelections.map(\.json)),
            "recentInstantiations": .array(recentInstantiations.map(\.json)),
            "planCall": planCall.json,
            "recentPlanCalls": .array(recentPlanCalls.map(\.json)),
        ]
    }
}

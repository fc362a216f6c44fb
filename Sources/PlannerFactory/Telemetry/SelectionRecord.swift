import PlannerKit

/// What one planner selection asked for, what it found and how long it took.
///
/// ```swift
/// let record = SelectionRecord(
///     objective: "route from 0,0 to 3,3", capabilities: ["grid"],
///     candidateCount: 4, winner: "astar", duration: .microseconds(42)
/// )
/// record.json["durationMicroseconds"] // 42
/// ```
public struct SelectionRecord: Sendable, Hashable {
    /// When the selection happened, in seconds since the Unix epoch (wall clock).
    public var timestamp: Double
    /// The objective text the caller asked about.
    public var objective: String
    /// The capabilities the caller required.
    public var capabilities: [String]
    /// How many planners were considered.
    public var candidateCount: Int
    /// The selected planner's name; `nil` when the selection failed.
    public var winner: String?
    /// The error message when the selection failed; `nil` when it succeeded.
    public var error: String?
    /// How long the selection took (measured with a monotonic clock).
    public var duration: Duration

    /// Creates a record.
    /// - Parameters:
    ///   - timestamp: seconds since the Unix epoch; defaults to now.
    ///   - objective: the objective text.
    ///   - capabilities: the required capabilities.
    ///   - candidateCount: how many planners were considered.
    ///   - winner: the selected planner, when there is one.
    ///   - error: the error message, when the selection failed.
    ///   - duration: how long the selection took.
    public init(
        timestamp: Double = WallClock.now(),
        objective: String,
        capabilities: [String] = [],
        candidateCount: Int,
        winner: String? = nil,
        error: String? = nil,
        duration: Duration
    ) {
        self.timestamp = timestamp
        self.objective = objective
        self.capabilities = capabilities
        self.candidateCount = candidateCount
        self.winner = winner
        self.error = error
        self.duration = duration
    }

    /// Whether the selection failed (it has an error message).
    public var isFailure: Bool { error != nil }

    /// The record as JSON: `timestamp`, `objective`, `capabilities`, `candidateCount`, `winner`
    /// and `error` (`null` when absent) and `durationMicroseconds`.
    public var json: JSONValue {
        [
            "timestamp": .number(timestamp),
            "objective": .string(objective),
            "capabilities": .array(capabilities.map(JSONValue.string)),
            "candidateCount": .number(Double(candidateCount)),
            "winner": winner.map(JSONValue.string) ?? .null,
            "error": error.map(JSONValue.string) ?? .null,
            "durationMicroseconds": .number(duration.microseconds),
        ]
    }
}

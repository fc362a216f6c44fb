import PlannerKit

/// How one planner instantiation went: its phases, their durations and the outcome.
///
/// ```swift
/// let record = InstantiationRecord(
///     planner: "astar",
///     phases: [.init(name: "probe", duration: .milliseconds(3)), .init(name: "create", duration: .microseconds(80))],
///     outcome: .success
/// )
/// record.totalDuration // 3.08 ms
/// ```
public struct InstantiationRecord: Sendable, Hashable {
    /// One timed step of an instantiation, such as `probe`, `load` or `create`.
    public struct Phase: Sendable, Hashable {
        /// The phase's name (`probe`, `load`, `create` …).
        public var name: String
        /// How long the phase took.
        public var duration: Duration

        /// Creates a phase.
        /// - Parameters:
        ///   - name: the phase's name.
        ///   - duration: how long it took.
        public init(name: String, duration: Duration) {
            self.name = name
            self.duration = duration
        }

        /// The phase as JSON: `name` and `durationMicroseconds`.
        public var json: JSONValue {
            ["name": .string(name), "durationMicroseconds": .number(duration.microseconds)]
        }
    }

    /// How an instantiation ended.
    public enum Outcome: Sendable, Hashable {
        /// A new instance was created.
        case success
        /// An instance from the cache was returned.
        case cached
        /// The instantiation failed, with this message.
        case failure(String)

        /// Whether this is a failure.
        public var isFailure: Bool {
            if case .failure = self { return true }
            return false
        }

        /// The outcome's name: `success`, `cached` or `failure`.
        public var name: String {
            switch self {
            case .success: "success"
            case .cached: "cached"
            case .failure: "failure"
            }
        }

        /// The failure message, when this is a failure.
        public var errorMessage: String? {
            if case .failure(let message) = self { return message }
            return nil
        }
    }

    /// When the instantiation happened, in seconds since the Unix epoch (wall clock).
    public var timestamp: Double
    /// The planner's name.
    public var planner: String
    /// The timed phases, in the order they ran.
    public var phases: [Phase]
    /// How the instantiation ended.
    public var outcome: Outcome

    /// Creates a record.
    /// - Parameters:
    ///   - timestamp: seconds since the Unix epoch; defaults to now.
    ///   - planner: the planner's name.
    ///   - phases: the timed phases, in order.
    ///   - outcome: how it ended.
    public init(timestamp: Double = WallClock.now(), planner: String, phases: [Phase], outcome: Outcome) {
        self.timestamp = timestamp
        self.planner = planner
        self.phases = phases
        self.outcome = outcome
    }

    /// The sum of the phases' durations.
    public var totalDuration: Duration {
        phases.reduce(.zero) { $0 + $1.duration }
    }

    /// The record as JSON: `timestamp`, `planner`, `phases` (each `name`, `durationMicroseconds`),
    /// `outcome` (`success`, `cached`, `failure`), `error` (the failure message or `null`) and
    /// `totalDurationMicroseconds`.
    public var json: JSONValue {
        [
            "timestamp": .number(timestamp),
            "planner": .string(planner),
            "phases": .array(phases.map(\.json)),
            "outcome": .string(outcome.name),
            "error": outcome.errorMessage.map(JSONValue.string) ?? .null,
            "totalDurationMicroseconds": .number(totalDuration.microseconds),
        ]
    }
}

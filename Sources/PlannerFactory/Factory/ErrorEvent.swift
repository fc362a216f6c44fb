import PlannerKit

/// An error the factory reported, kept for diagnostics.
public struct ErrorEvent: Sendable, Hashable {
    /// Seconds since the Unix epoch.
    public var timestamp: Double
    /// The error's code, e.g. `planner-not-found`.
    public var code: String
    /// The error's message.
    public var message: String

    /// The event as JSON.
    public var json: JSONValue {
        ["time": .string(WallClock.iso8601(timestamp)), "code": .string(code), "message": .string(message)]
    }
}

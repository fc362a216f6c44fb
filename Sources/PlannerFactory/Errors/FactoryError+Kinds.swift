import PlannerKit

extension FactoryError {
    /// No planner named `name`; suggests the closest registered names.
    public static func plannerNotFound(_ name: String, among names: [String]) -> FactoryError {
        let suggestions = NameSuggestions.closest(to: name, among: names)
        var message = "No planner named \"\(name)\" is registered."
        if !suggestions.isEmpty {
            message += " Did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
        } else if names.isEmpty {
            message += " No planners are registered at all: check the plugin path."
        }
        return FactoryError(.plannerNotFound, message, context: ["planner": name, "suggestions": suggestions.joined(separator: ",")])
    }

    /// `name` is quarantined for `reason` since `since` (an ISO 8601 time).
    public static func plannerQuarantined(_ name: String, reason: String, since: String) -> FactoryError {
        FactoryError(
            .plannerQuarantined,
            "Planner \"\(name)\" is quarantined since \(since): \(reason)",
            context: ["planner": name, "reason": reason, "since": since]
        )
    }

    /// A malformed configuration value.
    /// - Parameters:
    ///   - key: the environment variable or flag, e.g. `FACTORY_MIN_MATCH`.
    ///   - value: the value as given (the message quotes it escaped and cut to 80 characters;
    ///     `context["value"]` keeps it whole).
    ///   - accepted: the accepted form, e.g. "a number from 0 to 1".
    public static func invalidConfiguration(key: String, value: String, accepted: String) -> FactoryError {
        FactoryError(
            .invalidConfiguration,
            "\(key)=\(TerminalText.quoted(value)) is not valid: expected \(accepted).",
            context: ["key": key, "value": value, "accepted": accepted]
        )
    }

    /// A plugin's code could not be run: dylib loading arrives with the sandbox.
    static func instantiation(_ name: String, _ detail: String, cause: (any Error & Sendable)? = nil) -> FactoryError {
        FactoryError(.instantiationError, "Could not create planner \"\(name)\": \(detail)", context: ["planner": name], cause: cause)
    }
}

import PlannerKit

/// Reads a planner configuration strictly: unknown keys and values of the wrong type are errors
/// that name the key and the accepted form, never silent defaults.
struct ConfigurationReader {
    private let configuration: PlannerConfiguration
    private let planner: String

    /// Checks that `configuration` holds no keys besides `accepted`.
    /// - Throws: `DataFormatError` naming the first unknown key (in sorted order).
    init(_ configuration: PlannerConfiguration, planner: String, accepted: [String]) throws(DataFormatError) {
        for key in configuration.keys.sorted() where !accepted.contains(key) {
            let known = accepted.isEmpty ? "it accepts no keys" : "accepted keys: " + accepted.map { "\"\($0)\"" }.joined(separator: ", ")
            throw DataFormatError("unknown configuration key \"\(key)\" for planner \(planner); \(known)")
        }
        self.configuration = configuration
        self.planner = planner
    }

    /// The Boolean under `key`, or `defaultValue` when the key is absent.
    /// - Throws: `DataFormatError` when the value is not `true` or `false`.
    func bool(_ key: String, default defaultValue: Bool) throws(DataFormatError) -> Bool {
        guard let value = configuration[key] else { return defaultValue }
        guard let bool = value.boolValue else {
            throw DataFormatError("configuration key \"\(key)\" for planner \(planner) must be true or false, found \(value.typeDescription)")
        }
        return bool
    }

    /// The positive integer under `key`, or `defaultValue` when the key is absent.
    /// - Throws: `DataFormatError` when the value is not a whole number of at least 1.
    func positiveInt(_ key: String, default defaultValue: Int) throws(DataFormatError) -> Int {
        guard let value = configuration[key] else { return defaultValue }
        guard let int = value.intValue, int >= 1 else {
            let found = value.numberValue.map { "\(JSONValue.number($0))" } ?? value.typeDescription
            throw DataFormatError("configuration key \"\(key)\" for planner \(planner) must be a whole number of at least 1, found \(found)")
        }
        return int
    }
}

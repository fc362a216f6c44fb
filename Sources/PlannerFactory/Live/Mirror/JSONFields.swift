import PlannerKit

/// Typed reads of one JSON object's members, each failure naming the member and what holds it
/// (decoding what a publisher sent: `PlannerRecord(json:)`, `SelectionRecord(json:)` …).
struct JSONFields {
    let members: [String: JSONValue]
    /// What the object is, for messages ("a planner record").
    let subject: String

    init(_ value: JSONValue, _ subject: String) throws(DataFormatError) {
        guard let members = value.objectValue else { throw DataFormatError("\(subject) must be a JSON object, not \(value.typeDescription)") }
        self.members = members
        self.subject = subject
    }

    func string(_ key: String) throws(DataFormatError) -> String {
        guard let value = members[key]?.stringValue else { throw missing(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws(DataFormatError) -> String? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let string = value.stringValue else { throw missing(key, "a string or null") }
        return string
    }

    func number(_ key: String) throws(DataFormatError) -> Double {
        guard let value = members[key]?.numberValue, value.isFinite else { throw missing(key, "a number") }
        return value
    }

    func optionalNumber(_ key: String) throws(DataFormatError) -> Double? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let number = value.numberValue, number.isFinite else { throw missing(key, "a number or null") }
        return number
    }

    /// A whole number a `Double` holds exactly (at most 2⁵³ in size).
    func integer(_ key: String) throws(DataFormatError) -> Int {
        let value = try number(key)
        guard abs(value) <= 9_007_199_254_740_992, let integer = Int(exactly: value) else { throw missing(key, "a whole number") }
        return integer
    }

    /// A count: a whole number from 0 to 2⁵³.
    func count(_ key: String) throws(DataFormatError) -> Int {
        let value = try integer(key)
        guard value >= 0 else { throw missing(key, "a count from 0") }
        return value
    }

    /// Seconds since the Unix epoch, from 1970 to the year 5000.
    func time(_ key: String) throws(DataFormatError) -> Double {
        let value = try number(key)
        guard value >= 0, value < 1e11 else { throw missing(key, "a time in seconds since 1970") }
        return value
    }

    /// Seconds of a duration, from 0 to a year; `nil` when absent or null.
    func optionalSeconds(_ key: String) throws(DataFormatError) -> Double? {
        guard let value = try optionalNumber(key) else { return nil }
        guard value >= 0, value < 31_536_000 else { throw missing(key, "a number of seconds from 0 to a year, or null") }
        return value
    }

    /// Microseconds (`durationMicroseconds`) as a duration; negative values are refused.
    func microseconds(_ key: String) throws(DataFormatError) -> Duration {
        let value = try number(key)
        guard value >= 0, value < 1e15 else { throw missing(key, "a number of microseconds from 0") }
        return .nanoseconds(Int64((value * 1000).rounded()))
    }

    func bool(_ key: String, default fallback: Bool = false) throws(DataFormatError) -> Bool {
        guard let value = members[key], !value.isNull else { return fallback }
        guard let bool = value.boolValue else { throw missing(key, "true or false") }
        return bool
    }

    func strings(_ key: String) throws(DataFormatError) -> [String] {
        guard let value = members[key], !value.isNull else { return [] }
        guard let array = value.arrayValue else { throw missing(key, "an array of strings") }
        var strings: [String] = []
        strings.reserveCapacity(array.count)
        for element in array {
            guard let string = element.stringValue else { throw missing(key, "an array of strings") }
            strings.append(string)
        }
        return strings
    }

    func array(_ key: String) throws(DataFormatError) -> [JSONValue] {
        guard let value = members[key], !value.isNull else { return [] }
        guard let array = value.arrayValue else { throw missing(key, "an array") }
        return array
    }

    func object(_ key: String) throws(DataFormatError) -> [String: JSONValue] {
        guard let value = members[key], !value.isNull else { return [:] }
        guard let object = value.objectValue else { throw missing(key, "an object") }
        return object
    }

    private func missing(_ key: String, _ form: String) -> DataFormatError {
        let found = members[key].map { "it is \($0.typeDescription)" } ?? "it is missing"
        return DataFormatError("\(subject) needs \"\(key)\", \(form) (\(found))")
    }
}

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

    /// A whole number that an `Int` holds.
    func integer(_ key: String) throws(DataFormatError) -> Int {
        let value = try number(key)
        guard let integer = Int(exactly: value) else { throw missing(key, "a whole number") }
        return integer
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

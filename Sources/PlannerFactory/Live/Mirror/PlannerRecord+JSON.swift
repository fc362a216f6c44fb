import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension PlannerRecord {
    /// Reads a record from its JSON form (`json`, as `factory list --json` and a live snapshot give
    /// it), for a front end that shows another process's registry.
    /// - Throws: `DataFormatError` naming the member that is missing or of the wrong type, or an
    ///   unknown status or kind.
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "a planner record")
        let statusName = try fields.string("status"), kindName = try fields.string("kind")
        guard let status = PlannerStatus.all.first(where: { $0.description == statusName }) else {
            throw DataFormatError("a planner record's \"status\" is not one of \(PlannerStatus.all.map(\.description).joined(separator: ", ")): \(statusName)")
        }
        let kinds: [PlannerKind] = [.builtin, .dylib, .process, .unknown]
        guard let kind = kinds.first(where: { $0.description == kindName }) else {
            throw DataFormatError("a planner record's \"kind\" is not one of \(kinds.map(\.description).joined(separator: ", ")): \(kindName)")
        }
        var boosts: [String: Double] = [:]
        for (key, value) in try fields.object("boosts") {
            guard let number = value.numberValue, number.isFinite else { throw DataFormatError("a planner record's boost \"\(key)\" must be a number") }
            boosts[key] = number
        }
        var environment: [String: String] = [:]
        for (key, value) in try fields.object("environment") {
            guard let string = value.stringValue else { throw DataFormatError("a planner record's environment variable \"\(key)\" must be a string") }
            environment[key] = string
        }
        let fingerprint = try fields.optionalString("fingerprint").map { text throws(DataFormatError) -> Fingerprint in
            guard text.utf8.count == 16, let value = UInt64(text, radix: 16) else {
                throw DataFormatError("a planner record's \"fingerprint\" must be 16 hexadecimal digits: \(text)")
            }
            return Fingerprint(value: value)
        }
        self.init(
            name: try fields.string("name"), version: try fields.string("version"), kind: kind, status: status,
            reason: try fields.optionalString("reason"), summary: try fields.string("summary"),
            capabilities: try fields.strings("capabilities"), keywords: try fields.strings("keywords"),
            rank: try fields.integer("rank"), boosts: boosts,
            path: try fields.optionalString("path"), library: try fields.optionalString("library"),
            command: try fields.strings("command"), environment: environment,
            requiresProcessIsolation: try fields.optionalString("isolation") == "process",
            fingerprint: fingerprint, warnings: try fields.strings("warnings"), unknownFields: try fields.object("unknownFields"),
            isThreadSafe: try fields.bool("threadSafe"),
            quarantinedSince: try fields.optionalString("since").flatMap(WallClock.parseISO8601),
            probeSeconds: try fields.optionalSeconds("probeSeconds"))
    }
}

extension WallClock {
    /// Reads back what `iso8601` writes (`2026-12-03T06:35:32.123Z`); `nil` for any other text.
    static func parseISO8601(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
              bytes[19] == 0x2E, bytes[23] == 0x5A else { return nil }
        func digits(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10), let hour = digits(11..<13),
              let minute = digits(14..<16), let second = digits(17..<19), let millis = digits(20..<23),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        return Double(seconds) + Double(millis) / 1000
    }
}

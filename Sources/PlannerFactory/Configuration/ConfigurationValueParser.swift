#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one configuration value, throwing an error that names the key, the value and the
/// accepted form.
struct ConfigurationValueParser {
    let key: ConfigurationKey
    /// The name the user wrote: the environment variable or the flag.
    let name: String
    let text: String

    private var trimmed: String { text.trimmingWhitespace() }

    private func invalid() -> FactoryError {
        .invalidConfiguration(key: name, value: text, accepted: key.accepted)
    }

    func boolean() throws(FactoryError) -> Bool {
        switch trimmed.lowercased() {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        default: throw invalid()
        }
    }

    func integer(in range: ClosedRange<Int>) throws(FactoryError) -> Int {
        guard let value = Int(trimmed), range.contains(value) else { throw invalid() }
        return value
    }

    func number(in range: ClosedRange<Double>) throws(FactoryError) -> Double {
        guard let value = Double(trimmed), value.isFinite, range.contains(value) else { throw invalid() }
        return value
    }

    func seconds(maximum: Double) throws(FactoryError) -> Duration {
        guard let value = Double(trimmed), value.isFinite, value > 0, value <= maximum else { throw invalid() }
        return .nanoseconds(Int64((value * 1e9).rounded()))
    }

    func isolation() throws(FactoryError) -> Isolation {
        guard let value = Isolation(trimmed.lowercased()) else { throw invalid() }
        return value
    }

    /// A byte count with an optional K, M, G or T suffix (powers of 1024).
    func byteSize(in range: ClosedRange<Int>) throws(FactoryError) -> Int {
        var digits = trimmed.uppercased()
        if digits.hasSuffix("B") || digits.hasSuffix("IB") { digits.removeLast(digits.hasSuffix("IB") ? 2 : 1) }
        var shift = 0
        if let last = digits.last, let index = "KMGT".firstIndex(of: last) {
            shift = 10 * ("KMGT".distance(from: "KMGT".startIndex, to: index) + 1)
            digits.removeLast()
        }
        guard let number = Int(digits), number >= 0, number <= (Int.max >> shift) else { throw invalid() }
        let value = number << shift
        guard range.contains(value) else { throw invalid() }
        return value
    }

    /// Colon-separated folders; empty entries are skipped, as in `PATH`.
    func paths() -> [String] {
        text.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
    }

    func path() throws(FactoryError) -> String {
        let value = trimmed
        guard !value.isEmpty, !value.contains("\0") else { throw invalid() }
        return value
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self  // ASCII at both ends that is not white space: nothing to trim
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

func currentUserID() -> UInt32 {
    UInt32(getuid())
}

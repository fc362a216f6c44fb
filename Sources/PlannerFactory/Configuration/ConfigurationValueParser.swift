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

    /// A whole number written as plain digits (no sign, no `0x`), within `range`.
    func integer(in range: ClosedRange<Int>) throws(FactoryError) -> Int {
        guard Self.isPlainDecimal(trimmed, allowsPoint: false), let value = Int(trimmed), range.contains(value) else { throw invalid() }
        return value
    }

    /// A plain decimal (`1`, `0.5`) within `range`.
    func number(in range: ClosedRange<Double>) throws(FactoryError) -> Double {
        guard Self.isPlainDecimal(trimmed, allowsPoint: true), let value = Double(trimmed), range.contains(value) else { throw invalid() }
        return value
    }

    /// A plain decimal number of seconds from `minimum` (0.01 s: a shorter deadline only
    /// measures the machine's load) to `maximum`.
    func seconds(minimum: Double = 0.01, maximum: Double) throws(FactoryError) -> Duration {
        guard Self.isPlainDecimal(trimmed, allowsPoint: true), let value = Double(trimmed), value >= minimum, value <= maximum
        else { throw invalid() }
        return .nanoseconds(Int64((value * 1e9).rounded()))
    }

    /// Whether `text` is digits with at most one decimal point among them (`2`, `0.5`, `.5`):
    /// no sign, exponent, hexadecimal, `inf` or `nan`, which `Int` and `Double` would read
    /// (`0x10` as 16, `1e-300` as a number shown as 0).
    static func isPlainDecimal(_ text: String, allowsPoint: Bool) -> Bool {
        var digits = 0
        var points = 0
        for byte in text.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "."), allowsPoint {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
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
        guard Self.isPlainDecimal(digits, allowsPoint: false), let number = Int(digits), number <= (Int.max >> shift) else { throw invalid() }
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

func currentUserID() -> UInt32 {
    UInt32(getuid())
}

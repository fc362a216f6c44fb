/// Reads a JSON number's text as a whole number exactly, without a detour through `Double`
/// (which holds 9007199254740993 as 9007199254740992, and 1.0000000000000001 as 1).
enum WholeNumber {
    /// The whole number `text` denotes (`7`, `-3`, `1.0`, `2e3`), when its magnitude is at most
    /// `limit`; `nil` for anything else: a fraction (`1.5`, `1.0000000000000001`), a number
    /// beyond `limit`, or text that is not a JSON number.
    static func exact(_ text: some StringProtocol, limit: Int = 1_000_000_000_000_000) -> Int? {
        var bytes = Substring(text).utf8[...]
        let isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var fractionLength = 0
        var exponent = 0
        var isFraction = false
        var sawDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !isFraction else { return nil }
                isFraction = true
                continue
            }
            guard let digit = Self.digit(byte) else { return nil }
            sawDigit = true
            if isFraction { fractionLength += 1 }
            if digit != 0 || !digits.isEmpty { digits.append(digit) }
        }
        guard sawDigit else { return nil }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()  // the e
            guard let value = Self.exponent(bytes) else { return nil }
            exponent = value
        }
        // digits × 10^(exponent − fractionLength), with no leading zeros in `digits`.
        var scale = exponent - fractionLength
        while digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        guard !digits.isEmpty else { return 0 }
        guard scale >= 0, digits.count + scale <= 18 else { return nil }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit) }
        for _ in 0..<scale { value *= 10 }
        guard value <= limit else { return nil }
        return isNegative ? -value : value
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : nil
    }

    /// An exponent's `[+-]digits`, clamped far beyond any useful scale.
    private static func exponent(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        var bytes = bytes
        let isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = Self.digit(byte) else { return nil }
            value = min(value * 10 + Int(digit), 1_000_000)
        }
        return isNegative ? -value : value
    }
}

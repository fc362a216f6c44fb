/// Semantic Versioning 2.0.0 validation: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, one pass over
/// the bytes with no allocation.
enum SemanticVersion {
    /// Whether `text` is a semantic version such as `1.2.0`, `0.3.1-beta.2` or `2.0.0+build.7`.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isValid(bytes:))
    }

    /// Whether `bytes` (UTF-8) spell a semantic version.
    static func isValid(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = Scanner(bytes: bytes)
        return scanner.isVersion()
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func isVersion() -> Bool {
            guard numeric(), accept("."), numeric(), accept("."), numeric() else { return false }
            if accept("-"), !identifiers(numericRule: true) { return false }
            if accept("+"), !identifiers(numericRule: false) { return false }
            return index == bytes.count
        }

        /// A numeric identifier: digits, no leading zero.
        mutating func numeric() -> Bool {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index > start && (index - start == 1 || bytes[start] != UInt8(ascii: "0"))
        }

        /// Dot-separated identifiers of `[0-9A-Za-z-]`; with `numericRule`, numeric ones have no leading zero.
        mutating func identifiers(numericRule: Bool) -> Bool {
            repeat {
                let start = index
                var isNumeric = true
                while index < bytes.count, isIdentifierByte(bytes[index]) {
                    if !isDigit(bytes[index]) { isNumeric = false }
                    index += 1
                }
                guard index > start else { return false }
                if numericRule, isNumeric, index - start > 1, bytes[start] == UInt8(ascii: "0") { return false }
            } while accept(".")
            return true
        }

        mutating func accept(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        func isIdentifierByte(_ byte: UInt8) -> Bool {
            isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }
}

/// Semantic Versioning 2.0.0 validation: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, over bytes.
enum SemanticVersion {
    /// Whether `text` is a semantic version such as `1.2.0`, `0.3.1-beta.2` or `2.0.0+build.7`.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let plus = bytes.firstIndex(of: UInt8(ascii: "+")) ?? bytes.count
        let dash = bytes[..<plus].firstIndex(of: UInt8(ascii: "-")) ?? plus
        let core = bytes[..<dash]
        guard plus == bytes.count || identifiersAreValid(bytes[(plus + 1)...], numericRule: false),
              dash == plus || identifiersAreValid(bytes[(dash + 1)..<plus], numericRule: true) else { return false }
        let parts = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy(isNumericIdentifier)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isNumericIdentifier(_ part: ArraySlice<UInt8>) -> Bool {
        guard let first = part.first, part.allSatisfy(isDigit) else { return false }
        return part.count == 1 || first != UInt8(ascii: "0")
    }

    private static func identifiersAreValid(_ text: ArraySlice<UInt8>, numericRule: Bool) -> Bool {
        let identifiers = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !identifiers.isEmpty && identifiers.allSatisfy { identifier in
            guard let first = identifier.first, identifier.allSatisfy(isIdentifierByte) else { return false }
            let isNumeric = identifier.allSatisfy(isDigit)
            return !(numericRule && isNumeric && identifier.count > 1 && first == UInt8(ascii: "0"))
        }
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
    }
}

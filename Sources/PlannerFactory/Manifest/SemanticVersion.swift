/// Semantic Versioning 2.0.0 validation: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
enum SemanticVersion {
    /// Whether `text` is a semantic version such as `1.2.0`, `0.3.1-beta.2` or `2.0.0+build.7`.
    static func isValid(_ text: String) -> Bool {
        var core = Substring(text)
        if let plus = core.firstIndex(of: "+") {
            let build = core[core.index(after: plus)...]
            guard identifiersAreValid(build, numericRule: false) else { return false }
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            let prerelease = core[core.index(after: dash)...]
            guard identifiersAreValid(prerelease, numericRule: true) else { return false }
            core = core[..<dash]
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy(isNumericIdentifier)
    }

    private static func isNumericIdentifier(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return part == "0" || part.first != "0"
    }

    private static func identifiersAreValid(_ text: Substring, numericRule: Bool) -> Bool {
        let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
        return !identifiers.isEmpty && identifiers.allSatisfy { identifier in
            guard !identifier.isEmpty, identifier.utf8.allSatisfy(isIdentifierByte) else { return false }
            let isNumeric = identifier.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            return !(numericRule && isNumeric && identifier.count > 1 && identifier.first == "0")
        }
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
    }
}

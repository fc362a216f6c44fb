/// The rule for environment variable names a process entry may set: `[A-Za-z_][A-Za-z0-9_]*`.
enum EnvironmentName {
    /// Whether `name` is a valid environment variable name.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else { return false }
        return name.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "_") }
    }

    /// The rule in words, for error messages.
    static let rule = "letters A-Z and a-z, digits and '_', not starting with a digit"

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

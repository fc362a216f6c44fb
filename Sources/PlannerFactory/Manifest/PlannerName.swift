/// The rule for planner names: `[a-z0-9][a-z0-9._-]{0,63}`.
public enum PlannerName {
    /// Whether `name` is a valid planner name.
    public static func isValid(_ name: String) -> Bool {
        isValid(utf8: name.utf8)
    }

    /// Whether the UTF-8 bytes `bytes` spell a valid planner name.
    static func isValid(utf8 bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, bytes.count <= 64, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// The rule in words, for error messages.
    public static let rule = "1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

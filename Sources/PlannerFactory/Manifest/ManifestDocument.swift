import PlannerKit

/// A manifest's top-level members, read without building what is not needed: the values of the
/// fields schema 1 defines (and the text of those that are numbers, for exact checks and
/// messages), the first key given twice, and the unknown fields — the first
/// `unknownFieldLimit` by name, their values kept while they take at most `unknownValueBudget`
/// bytes of the file together. Every other unknown value is checked but never built, so 90,000
/// unknown keys or a 500,000-element unknown array cost no more than their keys.
struct ManifestDocument {
    /// How many unknown fields a manifest's warnings name; the rest are counted.
    static let unknownFieldLimit = 64
    /// How many bytes of the file the kept values of unknown fields may take together.
    static let unknownValueBudget = 4096

    /// An unknown field among the first `unknownFieldLimit`.
    struct UnknownField {
        var key: String
        /// The value, when it fit in the budget.
        var value: JSONValue?
        /// The length of the value's text in the file.
        var size: Int
    }

    /// The first key given twice: where it was first and where again (byte offsets).
    struct Repetition {
        var key: String
        var first: Int
        var again: Int
    }

    private(set) var known: [String: JSONValue] = [:]
    /// The text of each known field whose value is a number, as the file spells it.
    private(set) var numberText: [String: String] = [:]
    private(set) var unknown: [UnknownField] = []
    private(set) var unknownCount = 0
    private(set) var repetition: Repetition?
    private var offsets: [String: Int] = [:]
    private var budget = unknownValueBudget

    /// Reads the members of `bytes`.
    /// - Returns: the type of the document's value when it is not an object (then nothing is read).
    /// - Throws: `JSONParseError` when `bytes` is not valid JSON or repeats a key inside a value.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> String? {
        try JSONValue.readMembers(of: bytes, building: PlannerManifest.isKnownField) { member in
            add(member, in: bytes)
        }
    }

    private mutating func add(_ member: JSONMember, in bytes: UnsafeBufferPointer<UInt8>) {
        if let first = offsets[member.key] {
            if repetition == nil { repetition = Repetition(key: member.key, first: first, again: member.keyOffset) }
            return
        }
        offsets[member.key] = member.keyOffset
        let text = UnsafeBufferPointer(rebasing: bytes[member.valueRange])
        guard let value = member.value else {
            addUnknown(member.key, text: text)
            return
        }
        known[member.key] = value
        if case .number = value { numberText[member.key] = String(decoding: text, as: UTF8.self) }
    }

    private mutating func addUnknown(_ key: String, text: UnsafeBufferPointer<UInt8>) {
        unknownCount += 1
        guard unknown.count < Self.unknownFieldLimit else { return }
        var value: JSONValue?
        if text.count <= budget {
            value = try? JSONValue(parsing: text)
            budget -= text.count
        }
        unknown.append(UnknownField(key: key, value: value, size: text.count))
    }
}

import PlannerKit

/// The fast path of manifest parsing: decodes a plain, valid schema-1 `dylib` manifest straight
/// from its bytes into a `PlannerManifest`, with no JSON tree and no dictionaries (parsing was most
/// of the CPU time of discovery). It gives up — returns `nil` — on anything unusual: an unknown or
/// repeated field or key, an escape in a string, a fraction or an exponent in `rank` or `schema`,
/// a value that fails validation, and on anything but a plain dylib entry (a `process` entry, an
/// `isolation` field).
/// `ManifestParser` then runs the full parser, which keeps unknown fields and words every error
/// precisely; so the fast path never decides that a manifest is invalid.
struct ManifestFastDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// Decodes `bytes`, or returns `nil` when the full parser must decide.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> PlannerManifest? {
        var decoder = ManifestFastDecoder(bytes: bytes)
        return decoder.manifest()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private struct Fields {
        var name: String?
        var version: String?
        var summary: String?
        var capabilities: [String]?
        var keywords: [String]?
        var rank: Int?
        var boosts: [String: Double]?
        var library: String?
        var isThreadSafe: Bool?
        var hasSchema = false
    }

    private mutating func manifest() -> PlannerManifest? {
        var fields = Fields()
        guard consume(UInt8(ascii: "{")) else { return nil }
        if !consume(UInt8(ascii: "}")) {
            repeat {
                guard let key = rawString(), consume(UInt8(ascii: ":")), assign(key, to: &fields) else { return nil }
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        return validated(fields)
    }

    /// Reads the value of `key` into `fields`; `false` for an unknown or repeated key or a value
    /// that is not of the plain form.
    private mutating func assign(_ key: UnsafeBufferPointer<UInt8>, to fields: inout Fields) -> Bool {
        switch Self.text(key) {
        case "name" where fields.name == nil: fields.name = string(); return fields.name != nil
        case "version" where fields.version == nil: fields.version = string(); return fields.version != nil
        case "summary" where fields.summary == nil: fields.summary = string(); return fields.summary != nil
        case "capabilities" where fields.capabilities == nil: fields.capabilities = stringArray(); return fields.capabilities != nil
        case "keywords" where fields.keywords == nil: fields.keywords = stringArray(); return fields.keywords != nil
        case "rank" where fields.rank == nil: fields.rank = integer(); return fields.rank != nil
        case "boosts" where fields.boosts == nil: fields.boosts = numberObject(); return fields.boosts != nil
        case "threadSafe" where fields.isThreadSafe == nil: fields.isThreadSafe = boolean(); return fields.isThreadSafe != nil
        case "schema" where !fields.hasSchema: fields.hasSchema = integer() == 1; return fields.hasSchema
        case "entry" where fields.library == nil: fields.library = dylibEntry(); return fields.library != nil
        default: return false
        }
    }

    private func validated(_ fields: Fields) -> PlannerManifest? {
        guard let name = fields.name, PlannerName.isValid(name),
              let version = fields.version, SemanticVersion.isValid(version),
              let library = fields.library, LibraryPath.textualProblem(library) == nil
        else { return nil }
        let capabilities = fields.capabilities ?? []
        let keywords = fields.keywords ?? []
        let boosts = fields.boosts ?? [:]
        guard capabilities.allSatisfy(Self.isNotBlank), keywords.allSatisfy(Self.isNotBlank),
              boosts.allSatisfy({ Self.isNotBlank($0.key) && abs($0.value) <= 1_000_000 }),
              abs(fields.rank ?? 0) <= 1_000_000
        else { return nil }
        let descriptor = PlannerDescriptor(
            name: name, version: version, summary: fields.summary ?? "",
            capabilities: CapabilityNormalizer.normalize(capabilities),
            keywords: CapabilityNormalizer.normalize(keywords),
            rank: fields.rank ?? 0,
            boosts: CapabilityNormalizer.normalize(boosts),
            isThreadSafe: fields.isThreadSafe ?? false)
        return PlannerManifest(
            descriptor: descriptor, entry: .init(library: library), requiresProcessIsolation: false, unknownFields: [:], warnings: [])
    }

    private static func isNotBlank(_ text: String) -> Bool {
        !text.trimmingWhitespace().isEmpty
    }

    // MARK: Values

    /// `{"kind": "dylib", "library": "…"}` in either order; the library, or `nil`.
    private mutating func dylibEntry() -> String? {
        var kind: String?
        var library: String?
        guard consume(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = rawString(), consume(UInt8(ascii: ":")) else { return nil }
            switch Self.text(key) {
            case "kind" where kind == nil: kind = string(); if kind == nil { return nil }
            case "library" where library == nil: library = string(); if library == nil { return nil }
            default: return nil
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")), kind == "dylib", let library, !library.isEmpty else { return nil }
        return library
    }

    private mutating func string() -> String? {
        guard let raw = rawString() else { return nil }
        // ASCII needs no validation (the validating initializer is slow, unspecialized code).
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        return String(validating: raw, as: UTF8.self)
    }

    private mutating func stringArray() -> [String]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var result: [String] = []
        if consume(UInt8(ascii: "]")) { return result }
        repeat {
            guard let element = string() else { return nil }
            result.append(element)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? result : nil
    }

    private mutating func numberObject() -> [String: Double]? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var result: [String: Double] = [:]
        if consume(UInt8(ascii: "}")) { return result }
        repeat {
            guard let key = string(), result[key] == nil, consume(UInt8(ascii: ":")), let value = number() else { return nil }
            result[key] = value
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}")) ? result : nil
    }

    private mutating func boolean() -> Bool? {
        skipWhitespace()
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    /// A whole number written as plain digits (`7`, `-3`): no fraction, no exponent, at most 16
    /// digits. Anything else (`1.0`, `2e3`, `9007199254740993`) is left to the full parser, which
    /// reads it exactly.
    private mutating func integer() -> Int? {
        skipWhitespace()
        let start = index
        guard number() != nil else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard text.count <= 17, !text.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
        else { return nil }
        return Int(Self.text(text))
    }

    /// A JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), parsed by the standard
    /// library from its exact text.
    private mutating func number() -> Double? {
        skipWhitespace()
        let start = index
        _ = accept(UInt8(ascii: "-"))
        if !accept(UInt8(ascii: "0")) {
            guard digits() > 0 else { return nil }
        }
        if accept(UInt8(ascii: ".")), digits() == 0 { return nil }
        if accept(UInt8(ascii: "e")) || accept(UInt8(ascii: "E")) {
            _ = accept(UInt8(ascii: "+")) || accept(UInt8(ascii: "-"))
            guard digits() > 0 else { return nil }
        }
        guard let value = Double(Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))), value.isFinite else { return nil }
        return value
    }

    private mutating func accept(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes decimal digits; how many.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    // MARK: Lexing

    /// The bytes of a string with no escapes and no control characters, without its quotes.
    private mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// Skips white space, then consumes `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let isMatch = literal.withUTF8Buffer { expected in (0..<count).allSatisfy { bytes[index + $0] == expected[$0] } }
        if isMatch { index += count }
        return isMatch
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// Decodes bytes known to be text of field names or numbers (ASCII in every valid manifest).
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

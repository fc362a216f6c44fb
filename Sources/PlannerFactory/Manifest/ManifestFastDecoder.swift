#if canImport(Glibc)
import Glibc
#endif
import PlannerKit

/// The fast path of manifest parsing: decodes a plain, valid schema-1 `dylib` manifest straight
/// from its bytes into a `PlannerManifest`, with no JSON tree and no dictionaries (parsing was most
/// of the CPU time of discovery). It gives up — returns `nil` — on anything unusual: an unknown or
/// repeated field or key, an escape in a string, a fraction or an exponent in `rank` or `schema`,
/// a value that fails validation, and on anything but a plain dylib entry (a `process` entry, an
/// `isolation` field).
/// `ManifestParser` then runs the full parser, which keeps unknown fields and words every error
/// precisely; so the fast path never decides that a manifest is invalid.
///
/// Field names are matched as bytes, and the usual terms — printable ASCII without upper case,
/// each once — are checked as bytes and kept as they are: `CapabilityNormalizer` runs only for
/// the others (it was a fifth of the decoding time).
struct ManifestFastDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The element ranges of the term list being read and the boosts' values: the first
    /// `scratchCapacity` of each in space on the stack, reused for each list, the rest in an array.
    private var terms: Scratch<Range<Int>>
    private var values: Scratch<Double>

    private static let scratchCapacity = 32

    /// Decodes `bytes`, or returns `nil` when the full parser must decide.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> PlannerManifest? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: scratchCapacity) { terms in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCapacity) { values in
                var decoder = ManifestFastDecoder(bytes: bytes, terms: Scratch(space: terms), values: Scratch(space: values))
                return decoder.manifest()
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, terms: Scratch<Range<Int>>, values: Scratch<Double>) {
        self.bytes = bytes
        self.terms = terms
        self.values = values
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
    private mutating func assign(_ key: Range<Int>, to fields: inout Fields) -> Bool {
        switch key.count {
        case 4 where matches(key, "name") && fields.name == nil:
            fields.name = string(where: { PlannerName.isValid(utf8: $0) })
            return fields.name != nil
        case 4 where matches(key, "rank") && fields.rank == nil:
            fields.rank = integer()
            return fields.rank.map { abs($0) <= 1_000_000 } ?? false
        case 5 where matches(key, "entry") && fields.library == nil:
            fields.library = dylibEntry()
            return fields.library != nil
        case 6 where matches(key, "boosts") && fields.boosts == nil:
            fields.boosts = boosts()
            return fields.boosts != nil
        case 6 where matches(key, "schema") && !fields.hasSchema:
            fields.hasSchema = integer() == 1
            return fields.hasSchema
        case 7 where matches(key, "version") && fields.version == nil:
            fields.version = string(where: SemanticVersion.isValid(bytes:))
            return fields.version != nil
        case 7 where matches(key, "summary") && fields.summary == nil:
            fields.summary = string()
            return fields.summary != nil
        case 8 where matches(key, "keywords") && fields.keywords == nil:
            fields.keywords = termList()
            return fields.keywords != nil
        case 10 where matches(key, "threadSafe") && fields.isThreadSafe == nil:
            fields.isThreadSafe = boolean()
            return fields.isThreadSafe != nil
        case 12 where matches(key, "capabilities") && fields.capabilities == nil:
            fields.capabilities = termList()
            return fields.capabilities != nil
        default:
            return false
        }
    }

    private func validated(_ fields: Fields) -> PlannerManifest? {
        guard let name = fields.name, let version = fields.version, let library = fields.library else { return nil }
        let descriptor = PlannerDescriptor(
            name: name, version: version, summary: fields.summary ?? "",
            capabilities: fields.capabilities ?? [], keywords: fields.keywords ?? [], rank: fields.rank ?? 0,
            boosts: fields.boosts ?? [:], isThreadSafe: fields.isThreadSafe ?? false)
        return PlannerManifest(
            descriptor: descriptor, entry: .init(library: library), requiresProcessIsolation: false, unknownFields: [:], warnings: [])
    }

    private static func isNotBlank(_ text: String) -> Bool {
        !text.trimmingWhitespace().isEmpty
    }

    // MARK: Values

    /// `{"kind": "dylib", "library": "…"}` in either order; the library, or `nil`.
    private mutating func dylibEntry() -> String? {
        var isDylib: Bool?
        var library: String?
        guard consume(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = rawString(), consume(UInt8(ascii: ":")) else { return nil }
            if key.count == 4, matches(key, "kind"), isDylib == nil {
                guard let kind = rawString() else { return nil }
                isDylib = kind.count == 5 && matches(kind, "dylib")
            } else if key.count == 7, matches(key, "library"), library == nil {
                library = string(where: { !$0.isEmpty && LibraryPath.textualProblem(utf8: $0) == nil })
                if library == nil { return nil }
            } else {
                return nil
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")), isDylib == true else { return nil }
        return library
    }

    /// A string whose bytes `isValid` accepts; `nil` for any other value. (`isValid` sees the
    /// raw bytes: for ASCII they are the string's own.)
    private mutating func string(where isValid: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        guard let raw = rawString() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[raw])
        guard Self.isASCII(text), isValid(text) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func string() -> String? {
        guard let raw = rawString() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[raw])
        // ASCII needs no validation (the validating initializer is slow, unspecialized code).
        if Self.isASCII(text) { return String(decoding: text, as: UTF8.self) }
        return String(validating: text, as: UTF8.self)
    }

    /// A list of capabilities or keywords, normalized (`CapabilityNormalizer`): at most 32 terms
    /// already in normal form and distinct are kept as they are; any other list is normalized.
    private mutating func termList() -> [String]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        terms.removeAll()
        if !consume(UInt8(ascii: "]")) {
            repeat {
                guard let raw = rawString() else { return nil }
                terms.append(raw)
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "]")) else { return nil }
        }
        if terms.count <= Self.scratchCapacity, areNormalAndDistinct(terms.onStack) {
            return terms.onStack.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        var strings: [String] = []
        strings.reserveCapacity(terms.count)
        for position in 0..<terms.count {
            let raw = terms[position]
            let text = UnsafeBufferPointer(rebasing: bytes[raw])
            guard let string = Self.isASCII(text) ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self),
                  Self.isNotBlank(string)
            else { return nil }
            strings.append(string)
        }
        return CapabilityNormalizer.normalize(strings)
    }

    /// `{"term": number, …}`: keys normalized (the larger boost kept when two keys normalize
    /// alike), every key not blank and every boost within ±1,000,000.
    private mutating func boosts() -> [String: Double]? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        terms.removeAll()
        values.removeAll()
        if !consume(UInt8(ascii: "}")) {
            repeat {
                guard let raw = rawString(), consume(UInt8(ascii: ":")), let value = number(), abs(value) <= 1_000_000 else { return nil }
                terms.append(raw)
                values.append(value)
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { return nil }
        }
        // `init(minimumCapacity:)`, not `reserveCapacity`, which ran as unspecialized generic code.
        var result = [String: Double](minimumCapacity: terms.count)
        if terms.count <= Self.scratchCapacity, areNormalAndDistinct(terms.onStack) {
            for position in 0..<terms.count {
                result[String(decoding: UnsafeBufferPointer(rebasing: bytes[terms[position]]), as: UTF8.self)] = values[position]
            }
            return result
        }
        for position in 0..<terms.count {
            let (raw, value) = (terms[position], values[position])
            let text = UnsafeBufferPointer(rebasing: bytes[raw])
            // A key given twice (as Swift compares strings) is left to the full parser.
            guard let key = Self.isASCII(text) ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self),
                  Self.isNotBlank(key), result.updateValue(value, forKey: key) == nil
            else { return nil }
        }
        return CapabilityNormalizer.normalize(result)
    }

    /// Whether every term is in normal form — not empty, printable ASCII without upper case —
    /// and no two are the same (compared as bytes, which for ASCII is comparing as strings).
    private func areNormalAndDistinct(_ ranges: UnsafeBufferPointer<Range<Int>>) -> Bool {
        for (position, range) in ranges.enumerated() {
            guard !range.isEmpty else { return false }
            for byte in bytes[range] where byte <= 0x20 || byte >= 0x80 || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) {
                return false
            }
            for earlier in UnsafeBufferPointer(rebasing: ranges[..<position]) where earlier.count == range.count && isSame(earlier, range) {
                return false
            }
        }
        return true
    }

    private func isSame(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return memcmp(base + first.lowerBound, base + second.lowerBound, first.count) == 0
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
        let isNegative = accept(UInt8(ascii: "-"))
        let digitsStart = index
        guard let value = Self.digitValue(bytes, from: &index), index - digitsStart <= 16 else { return nil }
        if index - digitsStart > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil }  // a leading zero is not JSON
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { return nil }
        return isNegative ? -value : value
    }

    /// A JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`). Up to 15 significant
    /// digits times a power of ten up to 10²² is computed exactly in one correctly rounded
    /// operation (Clinger's fast path); anything else is parsed by the standard library from its
    /// text.
    private mutating func number() -> Double? {
        skipWhitespace()
        let start = index
        let isNegative = accept(UInt8(ascii: "-"))
        var mantissa: UInt64 = 0
        var significant = 0  // digits after leading zeros
        var scale = 0  // the power of ten the mantissa is multiplied by
        func addDigits(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, isFraction: Bool) -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if significant > 0 || digit != 0 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ digit }
                if isFraction { scale -= 1 }
                index += 1
            }
            return index - first
        }
        let integerDigits = addDigits(bytes, from: &index, isFraction: false)
        guard integerDigits > 0, integerDigits == 1 || bytes[index - integerDigits] != UInt8(ascii: "0") else { return nil }
        if accept(UInt8(ascii: ".")), addDigits(bytes, from: &index, isFraction: true) == 0 { return nil }
        var exponent = 0
        if accept(UInt8(ascii: "e")) || accept(UInt8(ascii: "E")) {
            let isNegativeExponent = accept(UInt8(ascii: "-"))
            if !isNegativeExponent { _ = accept(UInt8(ascii: "+")) }
            let digitsStart = index
            guard let value = Self.digitValue(bytes, from: &index) else { return nil }
            exponent = index - digitsStart > 6 ? Int.max : (isNegativeExponent ? -value : value)
        }
        if significant <= 15, exponent != Int.max, abs(scale + exponent) <= 22 {
            let power = Self.powersOfTen[abs(scale + exponent)]
            let magnitude = scale + exponent < 0 ? Double(mantissa) / power : Double(mantissa) * power
            return isNegative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// 10⁰ … 10²², each exactly a `Double`.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// The value of the decimal digits at `index` (at least one, at most 18), which it passes.
    private static func digitValue(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int? {
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard index - start < 18 else { return nil }
            value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }

    private mutating func accept(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    // MARK: Lexing

    /// Where the bytes of a string with no escapes and no control characters are, without its quotes.
    private mutating func rawString() -> Range<Int>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
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

    /// Whether the bytes at `range` are `literal`.
    private func matches(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == range.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
    }

    private mutating func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count, matches(index..<(index + count), literal) else { return false }
        index += count
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}

/// A list of plain values (trivial types: no reference counting, nothing to deinitialize) kept in
/// space the caller provides (on the stack), the elements beyond it in an array: what the decoder
/// reads each term list into, with no allocation for the usual short lists.
private struct Scratch<Element> {
    let space: UnsafeMutableBufferPointer<Element>
    private var overflow: [Element] = []
    private(set) var count = 0

    init(space: UnsafeMutableBufferPointer<Element>) {
        self.space = space
    }

    /// The elements in `space`: all of them when `count <= space.count`.
    var onStack: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(rebasing: space[..<min(count, space.count)])
    }

    subscript(position: Int) -> Element {
        position < space.count ? space[position] : overflow[position - space.count]
    }

    mutating func append(_ element: Element) {
        if count < space.count { space.initializeElement(at: count, to: element) } else { overflow.append(element) }
        count += 1
    }

    mutating func removeAll() {
        overflow.removeAll(keepingCapacity: true)
        count = 0
    }
}

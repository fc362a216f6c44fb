/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the line and column of the
/// first error. Used for manifests, where a precise syntax error is worth more than anything,
/// and for every payload of the plugin ABI. No Foundation.
struct JSONParser {
    /// Objects and arrays nested deeper than this are rejected rather than overflowing the stack.
    static let maximumDepth = 256

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    private var depth = 0
    /// Whether a key repeated in one object is an error (else the last one wins, as most JSON
    /// readers do). Manifests turn it on.
    var rejectsDuplicateKeys = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one complete document: a value surrounded by optional white space.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        startDocument()
        let value = try parseValue()
        try endDocument()
        return value
    }

    /// Steps over a UTF-8 byte order mark (tolerated) and white space at the start.
    mutating func startDocument() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
    }

    /// Checks that nothing but white space follows the document's value.
    mutating func endDocument() throws(JSONParseError) {
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describeByte(at: index)) after the end of the document")
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeByte(at: index)), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        var members = [String: JSONValue](minimumCapacity: 8)
        try forEachMember { parser, key, keyStart throws(JSONParseError) in
            if parser.rejectsDuplicateKeys, members[key] != nil { throw parser.duplicate(key, at: keyStart) }
            members[key] = try parser.parseValue()
        }
        return .object(members)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { parser throws(JSONParseError) in elements.append(try parser.parseValue()) }
        return .array(elements)
    }

    /// Checks the value at the current position exactly as `parseValue` would, without building
    /// it: a container costs no memory beyond its keys (kept for the duplicate check).
    mutating func skipValue() throws(JSONParseError) {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var keys = Set<String>()
            try forEachMember { parser, key, keyStart throws(JSONParseError) in
                if parser.rejectsDuplicateKeys, !keys.insert(key).inserted { throw parser.duplicate(key, at: keyStart) }
                try parser.skipValue()
            }
        case UInt8(ascii: "["):
            try forEachElement { parser throws(JSONParseError) in try parser.skipValue() }
        case UInt8(ascii: "\""): _ = try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try parseNumber()
        default: _ = try parseValue()  // a literal, or the error
        }
    }

    /// Reads an object at the current position, calling `member` with each key (and the offset
    /// of its opening quote) when the parser stands at its value; `member` must consume the value.
    mutating func forEachMember(
        _ member: (inout JSONParser, String, Int) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("unexpected \(describeByte(at: index)), expected a member name in double quotes")
            }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("unexpected \(describeByte(at: index)), expected ':' after the member name \"\(JSONParseError.excerpt(key))\"")
            }
            index += 1
            skipWhitespace()
            try member(&self, key, keyStart)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "}")) {
                index += 1
                depth -= 1
                return
            }
            throw error("unexpected \(describeByte(at: index)), expected ',' or '}' after an object member")
        }
    }

    /// Reads an array at the current position, calling `element` when the parser stands at each
    /// element; `element` must consume it.
    private mutating func forEachElement(_ element: (inout JSONParser) throws(JSONParseError) -> Void) throws(JSONParseError) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "]")) {
                index += 1
                depth -= 1
                return
            }
            throw error("unexpected \(describeByte(at: index)), expected ',' or ']' after an array element")
        }
    }

    /// The error for a key given twice in one object, at the second one.
    private mutating func duplicate(_ key: String, at keyStart: Int) -> JSONParseError {
        index = keyStart
        return error("the key \"\(JSONParseError.excerpt(key))\" appears twice in one object (a key may appear once)")
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let matches = index + count <= bytes.count && literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("unexpected \(describeByte(at: index)), expected a value") }
        index += count
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func describeByte(at position: Int) -> String {
        guard position < bytes.count else { return "end of input" }
        return "character '\(describeRaw(bytes[position]))'"
    }

    func describeRaw(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }

    /// An error at the current position, with its line and column.
    func error(_ message: String) -> JSONParseError {
        let (line, column) = JSONParseError.location(ofByte: index, in: bytes)
        return JSONParseError(message: message, line: line, column: column)
    }
}

extension JSONValue {
    /// Parses a JSON document from UTF-8 bytes.
    /// - Throws: `JSONParseError` naming what is wrong and the line and column where.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            var parser = JSONParser(bytes: buffer)
            do throws(JSONParseError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
        }
        if let result {
            self = try result.get()
        } else {
            let copy = Array(bytes)
            self = try JSONValue(parsing: copy)
        }
    }

    /// Parses a JSON document from a string.
    /// - Throws: `JSONParseError` naming what is wrong and the line and column where.
    /// - Parameter rejectingDuplicateKeys: whether a key given twice in one object is an error
    ///   (by default the last one wins).
    public init(parsing text: String, rejectingDuplicateKeys: Bool = false) throws(JSONParseError) {
        var text = text
        let result = text.withUTF8 { buffer -> Result<JSONValue, JSONParseError> in
            var parser = JSONParser(bytes: buffer)
            parser.rejectsDuplicateKeys = rejectingDuplicateKeys
            do throws(JSONParseError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
        }
        self = try result.get()
    }
}

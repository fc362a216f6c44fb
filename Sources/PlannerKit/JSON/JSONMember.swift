/// One member of a document's top-level object, as `JSONValue.readMembers(of:building:_:)`
/// reads it.
public struct JSONMember: Sendable {
    /// The key.
    public var key: String
    /// The value, when it was asked for; `nil` when it was only checked.
    public var value: JSONValue?
    /// Where the key's opening quote is in the document, in bytes.
    public var keyOffset: Int
    /// Where the value's text is in the document, in bytes.
    public var valueRange: Range<Int>
}

extension JSONValue {
    /// Reads a document whose top level is an object member by member, in document order,
    /// building only the values `build` asks for: every other value is checked as thoroughly
    /// (syntax, UTF-8, nesting, repeated keys) but never built, so a huge value costs no memory.
    ///
    /// A key repeated in an object inside a value is an error; a repeated top-level key is
    /// passed to `body` again, for the caller to judge (and name).
    ///
    /// ```swift
    /// let kind = try JSONValue.readMembers(of: buffer, building: { $0 == "name" }) { member in
    ///     if member.key == "name" { name = member.value?.stringValue }
    /// }
    /// ```
    /// - Parameters:
    ///   - bytes: the UTF-8 document (a byte order mark is tolerated).
    ///   - build: whether to build the value of the member with this key.
    ///   - body: called with each top-level member.
    /// - Returns: `nil` when the document is an object; else the type of its value ("an array"),
    ///   and `body` is never called.
    /// - Throws: `JSONParseError` for a document that is not valid JSON, or repeats a key inside a
    ///   value.
    @discardableResult
    public static func readMembers(
        of bytes: UnsafeBufferPointer<UInt8>, building build: (String) -> Bool, _ body: (JSONMember) -> Void
    ) throws(JSONParseError) -> String? {
        var parser = JSONParser(bytes: bytes)
        parser.rejectsDuplicateKeys = true
        parser.startDocument()
        guard parser.peek(UInt8(ascii: "{")) else {
            let first = parser.index < bytes.count ? bytes[parser.index] : 0
            try parser.skipValue()
            try parser.endDocument()
            return typeDescription(startingWith: first)
        }
        try parser.forEachMember { parser, key, keyOffset throws(JSONParseError) in
            let start = parser.index
            var value: JSONValue?
            if build(key) {
                value = try parser.parseValue()
            } else {
                try parser.skipValue()
            }
            body(JSONMember(key: key, value: value, keyOffset: keyOffset, valueRange: start..<parser.index))
        }
        try parser.endDocument()
        return nil
    }

    /// The type of a valid JSON value from its first byte, as `typeDescription` words it.
    private static func typeDescription(startingWith byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "["): JSONValue.array([]).typeDescription
        case UInt8(ascii: "\""): JSONValue.string("").typeDescription
        case UInt8(ascii: "t"), UInt8(ascii: "f"): JSONValue.bool(true).typeDescription
        case UInt8(ascii: "n"): JSONValue.null.typeDescription
        default: JSONValue.number(0).typeDescription
        }
    }
}

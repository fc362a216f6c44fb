import Testing
@testable import PlannerKit

/// `JSONValue.readMembers`: a top-level object member by member, building only what is asked
/// for, checking everything, and refusing a key given twice inside a value.
@Suite struct JSONMemberTests {
    static func read(_ text: String, building: @escaping (String) -> Bool = { _ in true }) throws -> (members: [JSONMember], type: String?) {
        let bytes = Array(text.utf8)
        var members: [JSONMember] = []
        let type = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            try JSONValue.readMembers(of: buffer, building: building) { members.append($0) }
        }
        return (members, type)
    }

    @Test func membersComeInDocumentOrderWithTheirPlaces() throws {
        let text = #"{"b": [1, {"x": null}], "a": "s", "b": 2}"#
        let (members, type) = try Self.read(text, building: { $0 == "a" })
        #expect(type == nil)
        #expect(members.map(\.key) == ["b", "a", "b"], "a repeated top-level key is passed on again")
        #expect(members.map(\.value) == [nil, "s", nil])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[members[0].valueRange], as: UTF8.self) == #"[1, {"x": null}]"#)
        #expect(members[1].keyOffset == 24)
    }

    @Test(arguments: [("[1, 2]", "an array"), (#""x""#, "a string"), ("3", "a number"), ("null", "null"), (" true ", "a Boolean")])
    func aDocumentThatIsNotAnObjectIsNamedByItsType(text: String, type: String) throws {
        let (members, found) = try Self.read(text)
        #expect(found == type)
        #expect(members.isEmpty)
    }

    @Test(arguments: [
        (#"{"a": [1, 2,]}"#, "expected a value"),
        (#"{"a": {"k": 1, "k": 2}}"#, #"the key "k" appears twice in one object"#),
        (#"{"a": [{"k": 1}, {"k": 2, "j": {"z": 0, "z": 0}}]}"#, #"the key "z" appears twice"#),
        (#"{"a": "\x"}"#, "an invalid escape"),
        (#"{"a": 1} 2"#, "after the end of the document"),
        ("[1, 2", "expected ',' or ']'"),
    ])
    func skippedValuesAreCheckedAsThoroughly(text: String, fragment: String) {
        #expect {
            _ = try Self.read(text, building: { _ in false })
        } throws: { error in
            (error as? JSONParseError)?.message.contains(fragment) == true
        }
    }

    @Test func aKeyGivenTwiceInABuiltValueIsAnErrorToo() {
        #expect(throws: JSONParseError.self) { _ = try Self.read(#"{"a": {"k": 1, "k": 2}}"#) }
    }

    @Test func parsingADocumentStillLetsTheLastKeyWin() throws {
        #expect(try JSONValue(parsing: #"{"k": 1, "k": 2}"#) == ["k": 2], "only readMembers refuses repeated keys")
    }

    @Test func locationsCountLinesAndSkipAByteOrderMark() {
        let bytes = Array("\u{FEFF}{\n  \"a\": 1}".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(JSONParseError.location(ofByte: 3, in: buffer) == (1, 1))
            #expect(JSONParseError.location(ofByte: 7, in: buffer) == (2, 3))
        }
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// JSON output of paths that are not UTF-8: U+FFFD in the text, the exact bytes in `…Bytes`.
@Suite struct RawBytesJSONTests {
    @Test func aPathWithRawBytesGetsReplacementCharactersAndItsBytes() {
        let path = PathBytes.string(decoding: Array("/plugins/sp".utf8) + [0xFF])
        let row: JSONValue = ["name": "grid", "path": .string(path), "plain": "/plugins/grid"]
        let shown = row.showingRawBytes
        #expect(shown["path"] == .string("/plugins/sp\u{FFFD}"))
        #expect(shown["pathBytes"] == .string("L3BsdWdpbnMvc3D/"))
        #expect(shown["plain"] == .string("/plugins/grid"))
        #expect(shown["plainBytes"] == nil, "only members with raw bytes get their bytes")
        #expect(shown["nameBytes"] == nil)
        #expect(shown.objectValue?.count == 4)
    }

    @Test func nestedValuesAreShownTheSameWay() {
        let path = PathBytes.string(decoding: [0x61, 0xFE])
        let value: JSONValue = ["planners": [["path": .string(path)], ["path": .null]], "warnings": [.string("in " + path)]]
        let shown = value.showingRawBytes
        let rows = shown["planners"]?.arrayValue ?? []
        #expect(rows.first?["path"] == .string("a\u{FFFD}"))
        #expect(rows.first?["pathBytes"] == .string("Yf4="))
        #expect(rows.last?["pathBytes"] == nil)
        #expect(shown["warnings"] == [.string("in a\u{FFFD}")])
    }

    @Test func plainValuesAreUnchanged() {
        let value: JSONValue = ["path": "/plugins/café", "rank": 3, "ok": true, "none": .null, "list": ["x"]]
        #expect(value.showingRawBytes == value)
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64MatchesRFC4648(_ input: String, _ expected: String) {
        #expect(Base64.encode(Array(input.utf8)) == expected)
    }

    @Test func base64OfHighBytes() {
        #expect(Base64.encode([0xFF, 0xFE, 0xFD]) == "//79")
        #expect(Base64.encode([0x00]) == "AA==")
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// Unknown fields are bounded: the first 64 are named (their values kept while small), the rest
/// counted in one warning, and no unknown value is built beyond a few KiB.
@Suite struct ManifestUnknownFieldsTests {
    static let file = "/bundles/p/planner.json"

    static func manifest(extra: String) -> String {
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}, \#(extra)}"#
    }

    static func parse(_ text: String) throws -> PlannerManifest {
        try ManifestParser.parse(Array(text.utf8), file: file).get()
    }

    @Test func ninetyThousandUnknownKeysGiveSixtyFiveWarnings() throws {
        let extra = (0..<90_000).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let manifest = try Self.parse(Self.manifest(extra: extra))
        #expect(manifest.warnings.count == 65)
        #expect(manifest.warnings.first == "\(Self.file): unknown field \"k0\" is kept but not used")
        #expect(manifest.warnings[63] == "\(Self.file): unknown field \"k63\" is kept but not used", "the first 64, in file order")
        #expect(manifest.warnings.last == "\(Self.file): and 89,936 more unknown fields, neither listed nor kept")
        #expect(manifest.unknownFields.count == 64)
        #expect(manifest.unknownFields["k63"] == 63)
        #expect(manifest.unknownFields["k64"] == nil)
        #expect(manifest.descriptor.name == "p", "the known fields are read as ever")
    }

    @Test func aHugeUnknownValueIsNamedButNotKept() throws {
        let array = "[" + Array(repeating: "0", count: 500_000).joined(separator: ",") + "]"
        let manifest = try Self.parse(Self.manifest(extra: #""small": {"a": [1, "b"]}, "big": \#(array), "after": true"#))
        #expect(manifest.unknownFields == ["small": ["a": [1, "b"]], "after": true], "small values before and after are kept")
        #expect(manifest.warnings == [
            "\(Self.file): unknown field \"small\" is kept but not used",
            "\(Self.file): unknown field \"big\" is not used, and its value (1,000,001 bytes) is too large to keep",
            "\(Self.file): unknown field \"after\" is kept but not used",
        ])
    }

    @Test func keptValuesShareAFourKibibyteBudget() throws {
        let value = "\"" + String(repeating: "v", count: 1498) + "\""  // 1,500 bytes of the file each
        let extra = (0..<4).map { "\"u\($0)\": \(value)" }.joined(separator: ",")
        let manifest = try Self.parse(Self.manifest(extra: extra))
        #expect(manifest.unknownFields.keys.sorted() == ["u0", "u1"])
        #expect(manifest.warnings[2].hasSuffix("unknown field \"u2\" is not used, and its value (1,500 bytes) is too large to keep"))
    }

    @Test func unknownKeysAreEscapedAndCutInWarnings() throws {
        let key = "evil\\u001b[2J" + String(repeating: "x", count: 200)
        let manifest = try Self.parse(Self.manifest(extra: "\"\(key)\": 1"))
        let warning = try #require(manifest.warnings.first)
        #expect(!warning.unicodeScalars.contains("\u{1B}"))
        #expect(warning.contains("\"evil\\x1b[2Jxxx"))
        #expect(warning.contains("x…\" is kept"))
        #expect(warning.count < 200)
    }

    @Test func anUnknownValueIsStillCheckedForSyntax() {
        let text = Self.manifest(extra: #""big": [1, 2, {"a": tru}]"#)
        guard case .failure(let problem) = ManifestParser.parse(Array(text.utf8), file: Self.file) else {
            Issue.record("a syntax error inside an unknown value is still an error")
            return
        }
        #expect(problem.detail.hasPrefix("invalid JSON: unexpected character 't', expected a value at line 1, column"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (89_936, "89,936"), (1_234_567, "1,234,567")])
    func countsAreGroupedInThousands(number: Int, text: String) {
        #expect(ManifestParser.grouped(number) == text)
    }
}

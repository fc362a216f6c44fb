import Foundation
import PlannerKit
import Testing

/// What `factory list` says of bad manifests: the key given twice, values as written, escaped and
/// cut, in text and in JSON alike (a reason is the factory's own sentence).
@Suite struct ManifestReasonTests {
    static let entry = #""entry": {"kind": "dylib", "library": "libplanner.so"}"#

    @Test func reasonsNameTheKeyAndQuoteValuesEscapedAndCut() throws {
        let plugins = try PluginFolder()
        try plugins.bundle("twice", manifest: "{\"name\": \"twice\", \"version\": \"1.0.0\",\n \(Self.entry),\n \"name\": \"again\"}")
        try plugins.bundle("rank", manifest: #"{"name": "rank", "version": "1.0.0", "rank": 9007199254740993, \#(Self.entry)}"#)
        try plugins.bundle("escape", manifest: #"{"name": "escape", "version": "1.0.0", "entry": {"kind": "dylib", "library": "lib\u001b[2J\u0000.so"}}"#)
        try plugins.bundle("empty", manifest: #"{"name": "empty", "version": "1.0.0", "entry": {"kind": "dylib", "library": ""}}"#)
        let huge = String(repeating: "v", count: 900_000)
        try plugins.bundle("huge", manifest: #"{"name": "huge", "version": "\#(huge)", \#(Self.entry)}"#)
        let result = try FactoryBinary.run(["list", "--json", "--no-probe", "--plugin-path", plugins.path])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try result.json()["planners"]?.arrayValue)
        func reason(_ folder: String) throws -> String {
            let row = try #require(rows.first { $0["path"]?.stringValue?.hasSuffix("/" + folder) == true })
            #expect(row["status"] == "invalid")
            return try #require(row["reason"]?.stringValue)
        }
        #expect(try reason("twice").hasSuffix(#"field "name": is given twice (on lines 1 and 3); a manifest gives each field once"#))
        #expect(try reason("rank").hasSuffix(#"field "rank": must be a whole number from -1000000 to 1000000, not 9007199254740993"#))
        let escaped = try reason("escape")
        #expect(escaped.contains(#"field "entry.library": "lib\x1b[2J\x00.so""#), "\(escaped)")
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 })
        #expect(try reason("empty").hasSuffix(#"field "entry.library": must not be empty"#))
        let cut = try reason("huge")
        #expect(cut.contains("\"" + String(repeating: "v", count: 80) + "…\" is not a semantic version"))
        #expect(cut.utf8.count < 400)
        #expect(result.standardOutput.utf8.count < 20_000, "no reason repeats the 900 KB value")
    }

    @Test func showListsKeptUnknownFieldsAsJSONAndNamesTheRest() throws {
        let plugins = try PluginFolder()
        let big = "[" + Array(repeating: "1", count: 5000).joined(separator: ",") + "]"
        try plugins.bundle("p", manifest: #"{"name": "p", "version": "1.0.0", "color": "blue", "size": 2, "big": \#(big), \#(Self.entry)}"#)
        let result = try FactoryBinary.run(["show", "p", "--no-probe", "--plugin-path", plugins.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains("unknown field color = \"blue\""))
        #expect(lines.contains("unknown field size = 2"))
        #expect(!lines.contains { $0.hasPrefix("unknown field big") }, "too large to keep")
        #expect(lines.contains { $0.hasPrefix("warning") && $0.hasSuffix(#"unknown field "big" is not used, and its value (10,001 bytes) is too large to keep"#) })
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// A key given twice, at any level, makes a manifest invalid, naming the key; the fast decoder
/// never accepts such a manifest, so both parsers agree.
@Suite struct ManifestDuplicateKeyTests {
    static let file = "/bundles/p/planner.json"

    static func problem(_ text: String) -> ManifestProblem? {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer(ManifestFastDecoder.decode) == nil, "the fast decoder gives up")
        guard case .failure(let problem) = ManifestParser.parse(bytes, file: file) else { return nil }
        return problem
    }

    @Test func aTopLevelFieldGivenTwiceIsNamedWithItsLines() throws {
        let text = "{\"name\": \"p\",\n \"version\": \"1.0.0\",\n \"entry\": {\"kind\": \"dylib\", \"library\": \"l.so\"},\n \"name\": \"q\"}"
        let problem = try #require(Self.problem(text))
        #expect(problem.description == "\(Self.file): field \"name\": is given twice (on lines 1 and 4); a manifest gives each field once")
    }

    @Test func twiceOnOneLineGivesTheColumns() throws {
        let text = #"{"rank": 1, "name": "p", "version": "1.0.0", "rank": 2, "entry": {"kind": "dylib", "library": "l.so"}}"#
        let problem = try #require(Self.problem(text))
        #expect(problem.field == "rank")
        #expect(problem.detail == "is given twice (on line 1, columns 2 and 46); a manifest gives each field once")
    }

    @Test func anUnknownFieldGivenTwiceIsInvalidToo() throws {
        let text = #"{"name": "p", "version": "1.0.0", "x": 1, "entry": {"kind": "dylib", "library": "l.so"}, "x": 2}"#
        #expect(try #require(Self.problem(text)).field == "x")
    }

    @Test(arguments: [
        (#""boosts": {"a": 1, "a": 2}"#, #"the key "a" appears twice in one object"#),
        (#""entry2": {"deep": [{"k": 1, "k": 1}]}"#, #"the key "k" appears twice in one object"#),
        (#""z": {"\u0061": 1, "a": 2}"#, #"the key "a" appears twice in one object"#),
    ])
    func aKeyGivenTwiceInsideAValueIsNamed(extra: String, expected: String) throws {
        let text = #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}, \#(extra)}"#
        let problem = try #require(Self.problem(text))
        #expect(problem.detail.hasPrefix("invalid JSON: \(expected)"), "was: \(problem.detail)")
        #expect(problem.detail.contains("at line 1, column"))
    }

    @Test func aKeyGivenTwiceInTheEntryIsInvalid() throws {
        let text = #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so", "library": "m.so"}}"#
        #expect(try #require(Self.problem(text)).detail.contains(#"the key "library" appears twice"#))
    }
}

import PlannerKit
import Testing
@testable import PlannerFactory

/// Manifest problems say what is wrong in words: no internal enum names, no value rounded
/// through a `Double`, no raw control characters, no whole huge values.
@Suite struct ManifestMessageTests {
    static let file = "/bundles/p/planner.json"

    static func manifest(_ fields: String, entry: String = #"{"kind": "dylib", "library": "l.so"}"#) -> String {
        #"{"name": "p", "version": "1.0.0", "entry": \#(entry)\#(fields.isEmpty ? "" : ", " + fields)}"#
    }

    static func parse(_ text: String) -> Result<PlannerManifest, ManifestProblem> {
        ManifestParser.parse(Array(text.utf8), file: file)
    }

    static func problem(_ text: String) -> String? {
        guard case .failure(let problem) = parse(text) else { return nil }
        return problem.description
    }

    @Test(arguments: [
        (#"{"kind": "dylib", "library": ""}"#, #"field "entry.library": must not be empty"#),
        (#"{"kind": "", "library": "l.so"}"#, #"field "entry.kind": must not be empty"#),
        (#"{"kind": "dylib", "library": 7}"#, #"field "entry.library": must be a string, not a number"#),
    ])
    func anEmptyOrWrongEntryStringIsNamedCorrectly(entry: String, expected: String) throws {
        let problem = try #require(Self.problem(Self.manifest("", entry: entry)))
        #expect(problem == "\(Self.file): \(expected)")
    }

    @Test(arguments: ["9007199254740993", "1.0000000000000001", "1e7", "-1000001", "0.5"])
    func aRankThatIsNotExactlyAWholeNumberInRangeIsRefusedAsWritten(rank: String) throws {
        let problem = try #require(Self.problem(Self.manifest(#""rank": \#(rank)"#)))
        #expect(problem == "\(Self.file): field \"rank\": must be a whole number from -1000000 to 1000000, not \(rank)")
    }

    @Test(arguments: [("1.0", 1), ("2e3", 2000), ("-0", 0), ("1000000", 1_000_000), ("-12.50e1", -125)])
    func aRankWrittenWithAFractionOrExponentIsReadExactly(rank: String, value: Int) throws {
        #expect(try Self.parse(Self.manifest(#""rank": \#(rank)"#)).get().descriptor.rank == value)
    }

    @Test(arguments: [
        (#""schema": 2"#, "schema 2 is not supported"),
        (#""schema": 1.0000000000000001"#, "schema 1.0000000000000001 is not supported"),
        (#""schema": "1""#, #"schema "1" is not supported"#),
        (#""schema": [1]"#, "schema an array is not supported"),
        (#""isolation": "thread""#, #"(the only accepted value: the plugin runs only in a process of its own), not "thread""#),
        (#""isolation": 3"#, "not 3"),
        (#""isolation": {"a": 1}"#, "not an object"),
    ])
    func valuesAreShownAsWrittenWithoutEnumNames(fields: String, expected: String) throws {
        let problem = try #require(Self.problem(Self.manifest(fields)))
        #expect(problem.contains(expected), "was: \(problem)")
        #expect(!problem.contains("number(") && !problem.contains("string(") && !problem.contains("array("))
    }

    @Test func schemaOneIsAcceptedHoweverWritten() throws {
        #expect(throws: Never.self) { try Self.parse(Self.manifest(#""schema": 1.0"#)).get() }
        #expect(throws: Never.self) { try Self.parse(Self.manifest(#""schema": 1e0"#)).get() }
    }

    @Test(arguments: [
        (#"{"name": "a\u0000b\u001b[31m", "version": "1.0.0"}"#, #""a\x00b\x1b[31m" is not a valid planner name"#),
        (#"{"name": "p", "version": "1\u001b]0;x\u0007"}"#, #""1\x1b]0;x\x07" is not a semantic version"#),
        (#"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib\u202e", "library": "l.so"}}"#, #""dylib\u202e" is not a supported kind"#),
        (#"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "/\u001b"}}"#, #""/\x1b" is absolute"#),
    ])
    func controlCharactersInQuotedValuesAreEscaped(text: String, expected: String) throws {
        let problem = try #require(Self.problem(text))
        #expect(problem.contains(expected), "was: \(problem)")
        #expect(!problem.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
    }

    @Test func aHugeValueIsCutWithAnEllipsis() throws {
        let name = String(repeating: "N", count: 900_000)
        let problem = try #require(Self.problem(#"{"name": "\#(name)", "version": "1.0.0"}"#))
        #expect(problem == "\(Self.file): field \"name\": \"\(String(repeating: "N", count: 80))…\" is not a valid planner name (\(PlannerName.rule))")
    }

    @Test func aHugeKeyInAJSONErrorIsCut() throws {
        let key = String(repeating: "K", count: 10_000)
        let problem = try #require(Self.problem(#"{"\#(key)" 1}"#))
        #expect(problem.count < 400)
        #expect(problem.contains("expected ':' after the member name \"KKK"))
    }

    @Test func theFactorySetsSwiftBacktraceSoAManifestCannot() throws {
        let entry = #"{"kind": "process", "command": ["./run"], "environment": {"SWIFT_BACKTRACE": "enable=yes"}}"#
        let problem = try #require(Self.problem(Self.manifest("", entry: entry)))
        #expect(problem.contains(#"field "entry.environment.SWIFT_BACKTRACE": SWIFT_BACKTRACE is set by the factory itself"#))
    }

    /// A FACTORY_ name was dropped without a word (FACTORY_NO_NAMESPACE would leave the namespace).
    @Test func aManifestCannotSetTheFactorysOwnVariables() throws {
        let entry = #"{"kind": "process", "command": ["./run"], "environment": {"FACTORY_NO_NAMESPACE": "1"}}"#
        let problem = try #require(Self.problem(Self.manifest("", entry: entry)))
        #expect(problem.contains(#"field "entry.environment.FACTORY_NO_NAMESPACE": FACTORY_ names are the factory's own; a manifest cannot set FACTORY_NO_NAMESPACE"#))
    }
}

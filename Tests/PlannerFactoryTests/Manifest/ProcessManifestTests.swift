import Testing
@testable import PlannerFactory

/// The `process` entry kind and the `isolation` field, as the parser reads them.
@Suite struct ProcessManifestTests {
    static func parse(_ text: String) -> Result<PlannerManifest, ManifestProblem> {
        ManifestParser.parse(Array(text.utf8), file: "/bundles/p/planner.json")
    }

    static func manifest(entry: String, extra: String = "") -> String {
        #"{"name": "p", "version": "1.0.0", "entry": \#(entry)\#(extra)}"#
    }

    @Test func relativeProgramIsTheLibraryAndEnvironmentIsKept() throws {
        let text = Self.manifest(
            entry: #"{"kind": "process", "command": ["./planner.py", "--fast"], "environment": {"KEY": "value", "_x1": ""}}"#,
            extra: #", "isolation": "process""#)
        let manifest = try Self.parse(text).get()
        #expect(manifest.entry.kind == .process)
        #expect(manifest.entry.command == ["./planner.py", "--fast"])
        #expect(manifest.entry.library == "./planner.py")
        #expect(manifest.entry.environment == ["KEY": "value", "_x1": ""])
        #expect(manifest.requiresProcessIsolation)
        #expect(manifest.warnings.isEmpty, "isolation is a known field")
    }

    @Test(arguments: [
        (#"["/usr/bin/python3", "planner.py"]"#, nil as String?),
        (#"["python3", "planner.py"]"#, nil),
        (#"["bin/run"]"#, "bin/run"),
    ])
    func programKinds(command: String, library: String?) throws {
        let manifest = try Self.parse(Self.manifest(entry: #"{"kind": "process", "command": \#(command)}"#)).get()
        #expect(manifest.entry.library == library)
        #expect(manifest.entry.environment.isEmpty)
        #expect(!manifest.requiresProcessIsolation)
    }

    @Test func dylibEntriesHaveNoCommandAndMayAskForIsolation() throws {
        let plain = try Self.parse(Self.manifest(entry: #"{"kind": "dylib", "library": "l.so"}"#)).get()
        #expect(plain.entry.command.isEmpty && plain.entry.environment.isEmpty && !plain.requiresProcessIsolation)
        let isolated = try Self.parse(Self.manifest(entry: #"{"kind": "dylib", "library": "l.so"}"#, extra: #", "isolation": "process""#)).get()
        #expect(isolated.requiresProcessIsolation)
        #expect(isolated.entry.library == "l.so")
    }

    /// (entry JSON, extra top-level fields, the field blamed, what the detail must contain)
    static let invalid: [(String, String, String, String)] = [
        (#"{"kind": "python", "command": ["p"]}"#, "", "entry.kind", "supported: dylib, process"),
        (#"{"kind": "process"}"#, "", "entry.command", #"is required for kind "process""#),
        (#"{"kind": "process", "command": "./planner.py"}"#, "", "entry.command", "must be an array such as"),
        (#"{"kind": "process", "command": []}"#, "", "entry.command", "must not be empty"),
        (#"{"kind": "process", "command": [3]}"#, "", "entry.command[0]", "must be a string, not a number"),
        (#"{"kind": "process", "command": [""]}"#, "", "entry.command[0]", "must not be empty"),
        (#"{"kind": "process", "command": ["./p.py", ""]}"#, "", "entry.command[1]", "must not be empty"),
        (#"{"kind": "process", "command": ["./p.py", "a\u0000b"]}"#, "", "entry.command[1]", "contains a NUL byte"),
        (#"{"kind": "process", "command": ["../other/run"]}"#, "", "entry.command[0]", "leaves the bundle folder"),
        (#"{"kind": "process", "command": ["bin/../../run"]}"#, "", "entry.command[0]", "leaves the bundle folder"),
        (#"{"kind": "process", "command": ["bin/"]}"#, "", "entry.command[0]", "it must name a file"),
        (#"{"kind": "process", "command": ["./"]}"#, "", "entry.command[0]", "it must name a file"),
        (#"{"kind": "process", "command": ["/usr/bin/"]}"#, "", "entry.command[0]", "names a folder"),
        (#"{"kind": "process", "command": [".."]}"#, "", "entry.command[0]", "is not a program name"),
        (#"{"kind": "process", "command": ["run"], "library": "run"}"#, "", "entry.library", #"only for kind "dylib""#),
        (#"{"kind": "dylib", "library": "l.so", "command": ["run"]}"#, "", "entry.command", #"only for kind "process""#),
        (#"{"kind": "dylib", "library": "l.so", "environment": {}}"#, "", "entry.environment", #"only for kind "process""#),
        (#"{"kind": "process", "command": ["run"], "environment": ["K=v"]}"#, "", "entry.environment", "must be an object of strings"),
        (#"{"kind": "process", "command": ["run"], "environment": {"1KEY": "v"}}"#, "", "entry.environment.1KEY", "not a valid environment variable name"),
        (#"{"kind": "process", "command": ["run"], "environment": {"MY-KEY": "v"}}"#, "", "entry.environment.MY-KEY", "not a valid environment variable name"),
        (#"{"kind": "process", "command": ["run"], "environment": {"": "v"}}"#, "", "entry.environment.", "not a valid environment variable name"),
        (#"{"kind": "process", "command": ["run"], "environment": {"KEY": 1}}"#, "", "entry.environment.KEY", "must be a string, not a number"),
        (#"{"kind": "process", "command": ["run"], "environment": {"KEY": "a\u0000"}}"#, "", "entry.environment.KEY", "contains a NUL byte"),
        (#"{"kind": "process", "command": ["run"]}"#, #", "isolation": "thread""#, "isolation", #"must be "process""#),
        (#"{"kind": "process", "command": ["run"]}"#, #", "isolation": true"#, "isolation", #"must be "process""#),
    ]

    @Test(arguments: invalid)
    func invalidProcessManifest(entry: String, extra: String, field: String, detail: String) {
        guard case .failure(let problem) = Self.parse(Self.manifest(entry: entry, extra: extra)) else {
            Issue.record("accepted: \(entry)\(extra)")
            return
        }
        #expect(problem.field == field, "\(problem)")
        #expect(problem.detail.contains(detail), "\(problem)")
        #expect(problem.description.hasPrefix("/bundles/p/planner.json: field \"\(field)\""), "names the file: \(problem)")
        #expect(problem.usableName == "p")
    }

    @Test(arguments: PlannerManifest.Entry.factoryEnvironmentNames)
    func theFactorysOwnVariablesCannotBeSet(name: String) {
        let text = Self.manifest(entry: #"{"kind": "process", "command": ["run"], "environment": {"\#(name)": "x"}}"#)
        guard case .failure(let problem) = Self.parse(text) else {
            Issue.record("accepted \(name)")
            return
        }
        #expect(problem.field == "entry.environment.\(name)")
        #expect(problem.detail.contains("set by the factory itself"), "\(problem)")
    }

    /// The fast path decodes plain dylib manifests only; a process entry or an isolation field
    /// goes to the full parser.
    @Test(arguments: [
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "process", "command": ["./p.py"]}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"command": ["./p.py"], "kind": "process"}}"#,
        #"{"name": "p", "version": "1.0.0", "isolation": "process", "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so", "environment": {}}}"#,
    ])
    func fastPathLeavesProcessManifestsToTheFullParser(text: String) {
        #expect(ManifestFastDecoderTests.fast(text) == nil)
        #expect((try? Self.parse(text).get()) == ManifestFastDecoderTests.full(text))
    }
}

import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// `factory validate` on bundles with real libraries built by the C compiler.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ValidateCommandTests {
    /// A bundle holding the C example planner, built from its source, with `manifest` as planner.json.
    static func gridBundle(manifest: String? = nil) throws -> PluginFolder {
        let folder = try PluginFolder()
        let source = try String(contentsOfFile: CCompiler.examplesFolder + "/grid-greedy-c/grid_greedy.c", encoding: .utf8)
        let built = try CCompiler.sharedLibrary("grid_greedy", source: source, in: folder.path)
        let bundle = folder.path + "/grid"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: built, toPath: bundle + "/libgrid_greedy.so")
        let text = try manifest ?? String(contentsOfFile: CCompiler.examplesFolder + "/grid-greedy-c/planner.json", encoding: .utf8)
        try text.write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        return folder
    }

    @Test func aGoodBundleIsValidAndPlans() throws {
        let folder = try Self.gridBundle()
        let result = try FactoryBinary.run(["validate", folder.path + "/grid", "--objective", "route from 0,0 to 2,1", "--json"])
        #expect(result.status == 0, "\(result.standardOutput)")
        let report = try result.json()
        #expect(report["valid"] == true)
        #expect(report["plan"]?["cost"] == 3)
        #expect(report["checks"]?.arrayValue?.map { $0["check"]?.stringValue ?? "" } == ["manifest", "load and describe", "descriptor", "create", "plan"])
    }

    @Test func aDescriptorThatContradictsTheManifestIsReported() throws {
        let folder = try Self.gridBundle(manifest: """
            {"name": "grid-greedy-c", "version": "0.1.0", "capabilities": ["grid", "teleport"],
             "entry": {"kind": "dylib", "library": "libgrid_greedy.so"}}
            """)
        let result = try FactoryBinary.run(["validate", folder.path + "/grid"])
        #expect(result.status == 3)
        #expect(result.standardOutput.contains("the manifest claims capabilities describe does not: teleport"))
    }

    @Test func aPlanErrorIsReportedWithThePluginsMessage() throws {
        let folder = try Self.gridBundle()
        let result = try FactoryBinary.run(["validate", folder.path + "/grid", "--objective", "somewhere nice"])
        #expect(result.status == 3)
        #expect(result.standardOutput.contains("FAILED  plan"))
        #expect(result.standardOutput.contains("route from X,Y to X,Y"))
    }

    @Test func aFakeLibraryAndABrokenManifest() throws {
        let folder = try PluginFolder()
        try folder.validBundle("fake", name: "fake", capabilities: ["x"])
        try folder.bundle("broken", manifest: #"{"name": "broken"}"#)
        let fake = try FactoryBinary.run(["validate", folder.path + "/fake"])
        #expect(fake.status == 3)
        #expect(fake.standardOutput.contains("not-a-shared-library"))
        let broken = try FactoryBinary.run(["validate", folder.path + "/broken", "--json"])
        #expect(broken.status == 3)
        #expect(try broken.json()["checks"]?.arrayValue?.first?["detail"]?.stringValue?.contains(#"field "version""#) == true)
    }

    @Test func aHangInPlanIsBlamedOnThePlanCallNotOnLoading() throws {
        let folder = try PluginFolder()
        let bundle = folder.path + "/hangs"
        try FixturePlugin.bundle(bundle, name: "hangs")
        let result = try FactoryBinary.run(
            ["validate", bundle, "--objective", "hang", "--call-timeout", "0.3", "--json"],
            environment: ["FACTORY_STATE_DIR": folder.path + "/state"])
        #expect(result.status == 3)
        let checks = try result.json()["checks"]?.arrayValue ?? []
        #expect(checks.map { $0["check"]?.stringValue ?? "" } == ["manifest", "load and describe", "descriptor", "create", "plan"])
        #expect(checks.last?["detail"]?.stringValue?.contains("did not finish plan within 0.3 s (FACTORY_CALL_TIMEOUT)") == true)
        #expect(checks[1]["passed"] == true)
        #expect(checks[3]["passed"] == true)
    }

    @Test(.disabled(if: Sanitizer.isThreadSanitizerActive, "crash signals are for the uninstrumented build"), arguments: [
        ("fault-abort-create", "create", "crashed with SIGABRT during create"),
        ("fault-crash-plan", "plan", "crashed with SIGSEGV during plan"),
    ])
    func aCrashIsBlamedOnTheCallItHappenedIn(bundle: String, check: String, detail: String) throws {
        let folder = try PluginFolder()
        let result = try FactoryBinary.run(
            ["validate", ExamplePlugins.folder + "/" + bundle, "--objective", "x", "--json"],
            environment: ["FACTORY_STATE_DIR": folder.path + "/state"])
        #expect(result.status == 3)
        let failed = try result.json()["checks"]?.arrayValue?.first { $0["passed"] == false }
        #expect(failed?["check"]?.stringValue == check)
        #expect(failed?["detail"]?.stringValue?.contains(detail) == true, "\(failed ?? .null)")
    }

    @Test func aProcessPluginIsStartedCreatedAndPlannedInAWorker() throws {
        let folder = try PluginFolder()
        let result = try FactoryBinary.run(
            ["validate", ExamplePlugins.folder + "/echo-py", "--objective", "say hello", "--json"],
            environment: ["FACTORY_STATE_DIR": folder.path + "/state"])
        #expect(result.status == 0, "\(result.standardOutput)")
        let json = try result.json()
        #expect(json["checks"]?.arrayValue?.map { $0["check"]?.stringValue ?? "" } == ["manifest", "start and handshake", "descriptor", "create", "plan"])
        #expect(json["plan"]?["steps"] == ["say", "hello"])
    }
}

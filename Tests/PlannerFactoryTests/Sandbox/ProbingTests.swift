import Foundation
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Discovery with the sandbox on: plugins are pending until probed, then active or quarantined
/// with a reason and a time; results are kept by fingerprint in the state folder.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ProbingTests {
    /// A bundle `folder` whose library is the fixture plugin (describing itself as "fixture"),
    /// its entry running `entry`.
    static func bundle(_ folder: String, name: String, entry: String = "", in root: TemporaryFolder) throws {
        try root.folder("plugins/\(folder)")
        let built = try CCompiler.sharedLibrary(folder, source: CFixture.plugin(entry: entry), in: root.path + "/plugins/\(folder)")
        try root.write("plugins/\(folder)/planner.json", #"{"name": "\#(name)", "version": "1.0.0", "entry": {"kind": "dylib", "library": "\#((built as NSString).lastPathComponent)"}}"#)
    }

    @Test func pluginsArePendingThenActiveOrQuarantinedAndRemembered() throws {
        let root = try TemporaryFolder()
        try Self.bundle("good", name: "fixture", in: root)
        try Self.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        try Self.bundle("liar", name: "liar", in: root)
        try root.bundle("plugins/text", name: "text")  // a text file named .so

        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        #expect(factory.planners().allSatisfy { $0.status == .pending })
        #expect(throws: FactoryError(.noActivePlanners, "")) { try factory.selectBestPlanner() }

        let summary = factory.probePending()
        #expect(summary.probed == 4)
        #expect(summary.passed == 1, "fixture; liar passed its probe but contradicts its manifest")
        let records = Dictionary(uniqueKeysWithValues: factory.planners().map { ($0.name, $0) })
        #expect(records["fixture"]?.status == .active)
        #expect(records["crasher"]?.status == .quarantined)
        #expect(records["crasher"]?.reason?.contains("SIGABRT") == true)
        #expect(records["crasher"]?.quarantinedSince != nil)
        #expect(records["liar"]?.reason?.contains("contradicts its manifest") == true)
        #expect(records["text"]?.reason?.contains("not-a-shared-library") == true)
        #expect(try factory.selectBestPlanner().winner.name == "fixture")

        // A second factory on the same state folder probes nothing: the results are kept by fingerprint.
        let again = root.factory(["plugins"], sandbox: true)
        again.discover()
        #expect(again.probePending().probed == 0)
        #expect(again.record(named: "crasher")?.status == .quarantined)

        // A plugin whose files change is released and probed again.
        try Self.bundle("crasher", name: "crasher", in: root)
        again.rediscover()
        #expect(again.record(named: "crasher")?.status == .pending)
        #expect(again.probePending().passed == 0, "its descriptor says \"fixture\": quarantined again, for a new reason")
        #expect(again.record(named: "crasher")?.reason?.contains("contradicts") == true)
    }

    @Test func withTheSandboxOffPluginsAreActiveAndTheWarningIsLoud() throws {
        let root = try TemporaryFolder()
        try Self.bundle("good", name: "fixture", in: root)
        let factory = root.factory(["plugins"], sandbox: false)
        let report = factory.discover()
        #expect(factory.record(named: "fixture")?.status == .active)
        #expect(report.warnings.contains { $0.contains("FACTORY_SANDBOX is off") && $0.contains("unsafe") })
    }
}

@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ProbingErrorTests {
    @Test func aPendingPlannerIsProbedWhenAskedForAndAQuarantinedOneSaysWhy() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        #expect(factory.record(named: "crasher")?.reason == "waiting for its sandbox probe")
        do {
            _ = try factory.planner(named: "crasher")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .plannerQuarantined)
            #expect(error.message.contains("SIGABRT"))
            #expect(error.message.contains("since 20"))
        }
    }
}

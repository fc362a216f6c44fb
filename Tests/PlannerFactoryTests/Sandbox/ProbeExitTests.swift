import Foundation
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// A plugin that ends the probe itself (`exit()` in a constructor, its entry point or `describe`)
/// is the plugin's fault and quarantines it; a helper that never gets to load the library
/// (`/bin/true`) is not. `factory-probe` tells them apart by the line it writes before it loads
/// the library.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ProbeExitTests {
    @Test(arguments: [
        ("exit-constructor", CFixture.plugin(entry: "", prelude: "__attribute__((constructor)) static void leave(void) { exit(3); }"), 3),
        ("exit-entry", CFixture.plugin(entry: "_exit(0);"), 0),
    ])
    func aPluginThatExitsIsItsOwnFault(name: String, source: String, code: Int) throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library(name, source: source, in: folder)
        let outcome = ProbeRunner(probePath: CFixture.probe, timeout: .seconds(20)).probe(library)
        #expect(outcome == .failed(
            kind: "exited-without-report",
            detail: "the library ended the probe with exit code \(code) before describe answered (an exit() while loading, in its entry point or in describe)"))
    }

    @Test func aPluginThatExitsInDescribeIsQuarantinedAndStaysSo() throws {
        let root = try TemporaryFolder()
        let source = FixturePlugin.working(name: "leaver").replacingOccurrences(
            of: "static char *describe(void) {", with: "static char *describe(void) { exit(4);")
        try FixturePlugin.bundle(root.path + "/plugins/leaver", name: "leaver", source: source)
        let factory = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .seconds(20) }
        factory.discover()
        let summary = factory.probePending()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        #expect(factory.record(named: "leaver")?.status == .quarantined)
        #expect(factory.record(named: "leaver")?.reason?.hasPrefix("exited-without-report: the library ended the probe with exit code 4") == true)

        let later = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .seconds(20) }
        later.discover()
        #expect(later.record(named: "leaver")?.status == .quarantined, "recorded, not probed forever")
    }

    /// The report is read from its own line, whatever else the probe's output holds.
    @Test func theReportIsFoundAfterTheStartLine() {
        let text = "{\"started\": 1}\n{\"outcome\":\"ok\",\"abi\":1,\"descriptor\":\"{}\"}\n"
        #expect(ProbeRunner.outcome(fromReport: text, exitCode: 0) == .passed(descriptor: "{}"))
        #expect(ProbeRunner.outcome(fromReport: "", exitCode: 0) == .probeUnavailable("the probe exited with code 0 without a report"))
    }
}

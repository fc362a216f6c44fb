import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Probe results, quarantines and releases of real plugin libraries reach a live subscriber.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct LiveProbeEventTests {
    @Test func probeResultsQuarantinesAndReleasesArePublished() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        try ProbingTests.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        let connection = try LiveConnection(try factory.startPublishing())
        _ = try connection.snapshot()

        factory.discover()
        let discovered = try connection.read { $0["type"] == "rediscovery" }
        #expect(discovered.filter { $0["type"] == "status" }.compactMap { $0["planner"]?.stringValue }.sorted() == ["crasher", "fixture"])
        #expect(discovered.filter { $0["type"] == "status" }.allSatisfy { $0["status"] == "pending" && $0["from"] == .null })
        #expect(discovered.last?["added"]?.arrayValue?.count == 2)

        factory.probePending()
        var seen = 0
        let probed = try connection.read { message in
            if message["type"] == "probe" || message["type"] == "quarantine" { seen += 1 }
            return seen == 3
        }
        let probes = probed.filter { $0["type"] == "probe" }
        #expect(probes.first { $0["planner"] == "fixture" }?["outcome"] == "passed")
        #expect(probes.first { $0["planner"] == "crasher" }?["outcome"] == "failed")
        let quarantine = probed.first { $0["type"] == "quarantine" }
        #expect(quarantine?["planner"] == "crasher")
        #expect(quarantine?["reason"]?.stringValue?.contains("SIGABRT") == true)
        #expect(quarantine?["record"]?["since"] != .null)

        _ = try factory.release("crasher")
        let released = try connection.read { $0["type"] == "quarantine" }
        #expect(released.compactMap { $0["type"]?.stringValue } == ["release", "probe", "quarantine"])
        #expect(released.first?["from"] == "quarantined" && released.first?["status"] == "pending")
    }
}

import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// A quarantine for calls that timed out in a row keeps their deadline: under a longer one in
/// effect it no longer holds, and the plugin is probed again (a deadline too short for anything
/// is not the plugin's fault). The plugin here takes a second to load; the short deadline is
/// 50 ms, the long one a minute, so the outcome does not hang on the machine's speed.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct CallTimeoutQuarantineTests {
    static func slowBundle(_ root: TemporaryFolder) throws {
        let source = FixturePlugin.working(name: "slow") + "\n__attribute__((constructor)) static void slow_start(void) { sleep(1); }\n"
        try FixturePlugin.bundle(root.path + "/plugins/slow", name: "slow", source: source)
    }

    @Test func timeoutsUnderAShortCallDeadlineDoNotQuarantineUnderALongerOne() throws {
        let root = try TemporaryFolder()
        try Self.slowBundle(root)
        let hurried = WorkerFixtures.factory(root) { configuration in
            configuration.sandboxTimeout = .seconds(60)
            configuration.callTimeout = .milliseconds(50)
        }
        #expect(hurried.record(named: "slow")?.status == .active)
        for _ in 0..<3 {
            #expect(throws: FactoryError(.callTimeout, "")) { _ = try hurried.planner(named: "slow") }
        }
        let quarantined = try #require(hurried.record(named: "slow"))
        #expect(quarantined.status == .quarantined)
        #expect(quarantined.reason == "timed out after 0.05 s in start, 3 times in a row")

        // The same short deadline: it holds.
        let again = root.factory(["plugins"], sandbox: true, isolation: .process) { $0.callTimeout = .milliseconds(50) }
        again.discover()
        #expect(again.record(named: "slow")?.status == .quarantined)

        let patient = root.factory(["plugins"], sandbox: true, isolation: .process) { configuration in
            configuration.sandboxTimeout = .seconds(60)
            configuration.callTimeout = .seconds(60)
        }
        patient.discover()
        #expect(patient.record(named: "slow")?.status == .pending)
        #expect(patient.record(named: "slow")?.reason
            == "waiting for its sandbox probe (it timed out under a deadline of 0.05 s (FACTORY_CALL_TIMEOUT), shorter than the 60 s now in effect)")
        patient.probePending()
        #expect(patient.record(named: "slow")?.status == .active)
        let instance = try patient.planner(named: "slow")
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
    }
}

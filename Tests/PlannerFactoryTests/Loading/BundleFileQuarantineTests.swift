import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// A quarantine for a file of the bundle (a FIFO, a link out of it, a file too large) keeps the
/// file's identity: fixing or removing that file lifts it, as the README promises for a plugin
/// whose files change, although the fast fingerprint covers only the manifest and entry library.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct BundleFileQuarantineTests {
    @Test func removingTheFIFOLiftsTheQuarantine() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundleTests.setUp("fifo", in: root)
        try HostileBundle.fifo(bundle + "/libextra.so.3")
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try HostileBundleTests.probe(factory)
        #expect(try HostileBundleTests.reason(factory) == "not-a-regular-file: libextra.so.3 is a FIFO, not a regular file")

        // Unchanged: the quarantine holds, in a new process too.
        let unchanged = root.factory(["plugins"], sandbox: true)
        unchanged.discover()
        #expect(unchanged.record(named: "hostile")?.status == .quarantined)

        try FileManager.default.removeItem(atPath: bundle + "/libextra.so.3")
        let fixed = root.factory(["plugins"], sandbox: true)
        fixed.discover()
        #expect(fixed.record(named: "hostile")?.status == .pending)
        #expect(fixed.record(named: "hostile")?.reason == "waiting for its sandbox probe (libextra.so.3 changed since it was quarantined)")
        _ = try #require(Deadline.run { fixed.probePending() })
        #expect(fixed.record(named: "hostile")?.status == .active)
    }

    /// `libextra.so -> pipe`: removing the FIFO the link leads to is a change too; the link is
    /// then dangling, which is still the bundle's fault, for a new reason.
    @Test func changingTheTargetOfALinkInsideTheBundleIsAChange() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundleTests.setUp("fifo-link", in: root)
        try HostileBundle.fifo(bundle + "/pipe")
        try HostileBundle.link(bundle + "/libextra.so", to: "pipe")
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try HostileBundleTests.probe(factory)
        #expect(try HostileBundleTests.reason(factory) == "not-a-regular-file: libextra.so (a link to pipe) is a FIFO, not a regular file")

        try FileManager.default.removeItem(atPath: bundle + "/pipe")
        try "a library".write(toFile: bundle + "/pipe", atomically: false, encoding: .utf8)
        let fixed = root.factory(["plugins"], sandbox: true)
        fixed.discover()
        #expect(fixed.record(named: "hostile")?.reason == "waiting for its sandbox probe (pipe changed since it was quarantined)")
        _ = try #require(Deadline.run { fixed.probePending() })
        #expect(fixed.record(named: "hostile")?.status == .active, "\(fixed.record(named: "hostile")?.reason ?? "")")
    }

    /// A quarantine of another kind (a crash in the probe) is not lifted by files it does not name.
    @Test func aProbeQuarantineKeepsNoFiles() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        let fingerprint = try #require(factory.record(named: "crasher")?.fingerprint)
        guard case .record(let stored) = ProbeStore(directory: root.path + "/state").lookup(fingerprint) else {
            Issue.record("no record")
            return
        }
        #expect(stored.fileIdentities == nil)
        #expect(stored.supersession(under: RecordDeadlines()) == nil)
    }
}

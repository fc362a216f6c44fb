import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// A quarantine for faults that the state folder cannot store (another process holds the
/// record's lock) holds in this process, also after the records are read again, until this
/// process releases it.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"))
struct UnsavedQuarantineTests {
    @Test func aQuarantineTheStateFolderCannotKeepHoldsHereAcrossDiscoveries() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "crasher", body: """
            import signal
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    os.kill(os.getpid(), signal.SIGSEGV)
            """)
        let factory = WorkerFixtures.factory(root) {
            $0.maxFailures = 1
            $0.lockTimeout = .milliseconds(200)
        }
        let fingerprint = try #require(factory.record(named: "crasher")?.fingerprint)
        #expect(factory.record(named: "crasher")?.status == .active)
        // Held as another process would (a flock on another open file description).
        let lock = open(root.path + "/state/probes/\(fingerprint).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        defer { close(lock) }

        #expect {
            _ = try factory.plan(Objective(text: "x"), using: "crasher")
        } throws: { error in
            (error as? FactoryError)?.message.contains("It is now quarantined in this process only") == true
        }
        #expect(factory.record(named: "crasher")?.status == .quarantined)

        // Another process writes to the records folder: they are read again at the next discovery.
        try root.write("state/probes/0000000000000000.json", "{}")
        usleep(200_000)  // past the file system's clock tick the change token waits for
        factory.discover()
        #expect(factory.record(named: "crasher")?.status == .quarantined, "the quarantine still holds here")

        flock(lock, LOCK_UN)
        _ = try factory.release("crasher")
        #expect(factory.record(named: "crasher")?.status == .active, "a release here ends it")
    }
}

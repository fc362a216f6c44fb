import Dispatch
import Foundation
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Only a fault of the plugin's own code or files quarantines it: a failure of the probe helper or
/// a deadline shorter than the one in effect leaves nothing that keeps it out; a quarantine whose
/// record is damaged still keeps it out (fail closed); a result another process is probing is
/// waited for, not probed again.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ProbeAttributionTests {
    @Test func aProbeHelperThatReportsNothingLeavesThePluginPending() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        let wrong = root.factory(["plugins"], sandbox: true) { $0.probePath = "/bin/true" }
        wrong.discover()
        let summary = wrong.probePending()
        #expect(wrong.record(named: "fixture")?.status == .pending)
        #expect(summary.warnings == ["fixture stays pending: the sandbox probe could not run: the probe exited with code 0 without a report (the probe helper is /bin/true)"])
        #expect(ProbeStore(directory: root.path + "/state").load().records.isEmpty, "nothing recorded")

        let right = root.factory(["plugins"], sandbox: true)
        right.discover()
        right.probePending()
        #expect(right.record(named: "fixture")?.status == .active)
    }

    @Test func aTimeoutUnderAShorterDeadlineIsProbedAgainUnderALongerOne() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("slow", name: "fixture", entry: "usleep(300000);", in: root)
        let hurried = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .milliseconds(100) }
        hurried.discover()
        hurried.probePending()
        #expect(hurried.record(named: "fixture")?.status == .quarantined)
        #expect(hurried.record(named: "fixture")?.reason?.contains("did not finish within 0.1 s") == true)

        let patient = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .seconds(5) }
        patient.discover()
        #expect(patient.record(named: "fixture")?.status == .pending)
        #expect(patient.record(named: "fixture")?.reason?.contains("timed out under a deadline of 0.1 s, shorter than the 5 s now in effect") == true)
        #expect(patient.probePending().probed == 1)
        #expect(patient.record(named: "fixture")?.status == .active)

        // Under the short deadline again, the stored pass stands.
        let again = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .milliseconds(100) }
        again.discover()
        #expect(again.record(named: "fixture")?.status == .active)
    }

    /// The issue's case: a plugin quarantined for crashing the host, whose record is then damaged,
    /// stays out of selection until it is released.
    @Test func aCrashQuarantineWhoseRecordIsDamagedKeepsThePluginOut() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        let record = try #require(factory.record(named: "fixture"))
        let fingerprint = try #require(record.fingerprint)
        try factory.quarantine(record, fingerprint: fingerprint, reason: "it crashed the host process (pid 1) with SIGSEGV while being loaded in-process")
        try root.write("state/probes/\(fingerprint).json", "\u{0}\u{0}garbage")

        let later = root.factory(["plugins"], sandbox: true)
        let report = later.discover()
        later.probePending()
        #expect(later.record(named: "fixture")?.status == .quarantined)
        #expect(later.record(named: "fixture")?.reason?.contains("its probe record was damaged") == true)
        #expect(report.warnings.contains { $0.contains("is damaged") && $0.contains("stays quarantined until it is released") })
        #expect(throws: FactoryError(.noActivePlanners, "")) { try later.selectBestPlanner() }

        #expect(try later.release("fixture").status == .active)
    }

    /// A process that finds another probing a plugin waits for that result instead of probing again.
    /// The other process's result comes once the prober says it is waiting (its notice, after a
    /// second of waiting), so the wait is certain; every wait here is bounded.
    @Test func aPluginAnotherProcessIsProbingIsWaitedFor() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        let configuration = root.factory(["plugins"], sandbox: true) { $0.lockTimeout = .seconds(60) }.configuration
        let waiting = DispatchSemaphore(value: 0)
        let factory = PlannerFactory(configuration: configuration, notices: { _ in waiting.signal() })
        factory.discover()
        let fingerprint = try #require(factory.record(named: "fixture")?.fingerprint)
        let store = ProbeStore(directory: root.path + "/state")
        try StateFolder.create(store.recordsDirectory)
        // "Another process": a lock of its own on the record, then its result.
        guard let held = try FileLock.attempt(store.recordsDirectory + "/\(fingerprint).lock", stateDirectory: store.directory) else {
            Issue.record("the lock is free")
            return
        }
        let summary = Locked<ProbeSummary?>(nil)
        let done = DispatchSemaphore(value: 0)
        let prober = Thread {
            summary.withLock { $0 = factory.probePending() }
            done.signal()
        }
        prober.start()
        #expect(waiting.wait(timeout: .now() + 120) == .success, "the prober said it waits for the lock")
        let theirs = ProbeRecord(planner: "fixture", quarantinedBecause: "the other process's verdict", timestamp: 1_800_000_000, bundle: nil, copy: nil)
        try store.write(theirs, fingerprint)
        held.release()
        try #require(done.wait(timeout: .now() + 120) == .success, "the prober returned")
        #expect(summary.withLock { $0?.probed } == 0, "not probed again")
        #expect(factory.record(named: "fixture")?.reason == "the other process's verdict")
    }
}

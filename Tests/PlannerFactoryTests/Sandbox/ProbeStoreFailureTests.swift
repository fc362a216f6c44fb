import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The probe records when writing or reading goes wrong: a quarantine is never stored without
/// its marker, a marker names its bundle (so it is tidied when the bundle changes), temporary
/// files left behind block nothing and are removed, and not knowing keeps a plugin out even with
/// the sandbox off.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct ProbeStoreFailureTests {
    /// The marker is made first: when it cannot be, no quarantine is stored without one.
    @Test func aQuarantineWhoseMarkerCannotBeMadeIsNotStored() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        let fingerprint = Fingerprint(value: 7)
        try root.folder("state/probes/\(fingerprint).quarantined/in-the-way")
        #expect(throws: FactoryError.self) { try store.update(storing: [fingerprint: ProbeStoreTests.record("a", passed: false)]) }
        guard case .missing = store.lookup(fingerprint) else { Issue.record("a quarantine was stored without its marker"); return }
    }

    /// When the record cannot be written after its marker was made, the marker is taken back:
    /// "not saved" holds.
    @Test func aMarkerMadeForARecordThatCannotBeWrittenIsTakenBack() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        let fingerprint = Fingerprint(value: 8)
        try root.folder("state/probes/\(fingerprint).json/in-the-way")
        #expect(throws: FactoryError.self) { try store.update(storing: [fingerprint: ProbeStoreTests.record("a", passed: false)]) }
        #expect(!FileManager.default.fileExists(atPath: store.markerPath(fingerprint)))
    }

    /// A quarantine whose record was lost, for a bundle whose files then changed, is tidied away
    /// (its marker names the bundle).
    @Test func aLostQuarantineOfABundleThatChangedIsTidied() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("crasher", name: "crasher", entry: "abort();", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        let old = try #require(factory.record(named: "crasher")?.fingerprint)
        let store = ProbeStore(directory: root.path + "/state")
        try FileManager.default.removeItem(atPath: store.recordPath(old))
        #expect(store.load().records[old]?.bundle == FileSystem.canonicalPath(root.path + "/plugins/crasher"))

        try ProbingTests.bundle("crasher", name: "crasher", in: root)  // fixed: new files, new fingerprint
        let later = root.factory(["plugins"], sandbox: true)
        later.discover()
        #expect(!FileManager.default.fileExists(atPath: store.markerPath(old)), "the stale marker was tidied")
        #expect(later.record(named: "crasher")?.status == .pending)
    }

    /// A temporary file left by a process that died writing is removed at the next start, even
    /// when no record was ever saved.
    @Test func aLeftoverTemporaryFileIsRemovedWithoutAnyRecord() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        let leftover = try root.write("state/probes/.0000000000000001.json.tmp-1-1", "half a record")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: leftover)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    /// With the sandbox off, a plugin whose record cannot be read (it may be a quarantine) stays
    /// pending; so does every plugin when the records cannot be read at all.
    @Test func notKnowingKeepsAPluginPendingWithTheSandboxOff() throws {
        let root = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: root)
        let probe = root.factory(["plugins"], sandbox: true)
        probe.discover()
        let fingerprint = try #require(probe.record(named: "fixture")?.fingerprint)
        try root.folder("state/probes/\(fingerprint).json")
        let unsandboxed = root.factory(["plugins"], sandbox: false)
        unsandboxed.discover()
        #expect(unsandboxed.record(named: "fixture")?.status == .pending)
        #expect(unsandboxed.record(named: "fixture")?.reason?.contains("cannot be read (is a directory)") == true)

        let other = try TemporaryFolder()
        try ProbingTests.bundle("good", name: "fixture", in: other)
        try other.folder("state/probes.json")
        let blind = other.factory(["plugins"], sandbox: false)
        blind.discover()
        #expect(blind.record(named: "fixture")?.status == .pending)
        #expect(blind.record(named: "fixture")?.reason?.contains("probes.json of an earlier version cannot be read") == true)
    }
}

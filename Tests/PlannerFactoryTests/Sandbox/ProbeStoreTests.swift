import Dispatch
import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// The probe records in the state folder: one file a fingerprint, written atomically, read without
/// a lock; damage to one record loses that record only, and a quarantine survives the loss of its record.
@Suite struct ProbeStoreTests {
    static func record(_ name: String, passed: Bool) -> ProbeRecord {
        ProbeRecord(
            planner: name, outcome: passed ? .passed(descriptor: #"{"name": "\#(name)"}"#) : .crashed(signal: 11, name: "SIGSEGV"),
            timestamp: 1_700_000_000)
    }

    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func recordsRoundTripOneFileEachAndCanBeRemoved() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state/nested")
        try store.update(storing: [Fingerprint(value: 1): Self.record("a", passed: true), Fingerprint(value: 0xFFFF_FFFF_FFFF_FFFF): Self.record("b", passed: false)])
        let loaded = store.load()
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.records[Fingerprint(value: 1)] == Self.record("a", passed: true))
        #expect(loaded.records[Fingerprint(value: 0xFFFF_FFFF_FFFF_FFFF)]?.reason?.contains("SIGSEGV") == true)
        let files = try Self.files(root.path + "/state/nested/probes").filter { !$0.hasSuffix(".lock") }
        #expect(files == ["0000000000000001.json", "ffffffffffffffff.json", "ffffffffffffffff.quarantined"])
        try store.update(storing: [:], removing: [Fingerprint(value: 0xFFFF_FFFF_FFFF_FFFF)])
        #expect(store.load().records.keys.map(\.value) == [1])
        #expect(try Self.files(root.path + "/state/nested/probes").filter { !$0.hasSuffix(".lock") } == ["0000000000000001.json"])
    }

    /// Writers that share a state folder lose nothing: each record is its own file, under its own lock.
    @Test func concurrentWritersLoseNothing() throws {
        let root = try TemporaryFolder()
        let directory = root.path + "/state"
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            let store = ProbeStore(directory: directory)  // its own descriptors, as another process would have
            for item in 0..<10 {
                _ = try? store.update(storing: [Fingerprint(value: UInt64(writer * 100 + item)): Self.record("p\(writer)", passed: true)])
            }
        }
        #expect(ProbeStore(directory: directory).load().records.count == 80)
    }

    @Test func aDamagedRecordLosesThatRecordOnlyAndIsSetAside() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        try store.update(storing: [Fingerprint(value: 1): Self.record("a", passed: true), Fingerprint(value: 2): Self.record("b", passed: true)])
        try root.write("state/probes/0000000000000002.json", "{ this is not json")
        let loaded = store.load()
        #expect(loaded.records.keys.map(\.value) == [1])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("0000000000000002.json is damaged (it is not JSON)") == true)
        #expect(loaded.warnings.first?.contains("will be probed again") == true)
        #expect(try Self.files(root.path + "/state/probes").contains { $0.hasPrefix("0000000000000002.json.corrupt-") })
        try store.update(storing: [Fingerprint(value: 2): Self.record("b", passed: true)])
        #expect(store.load().records.count == 2)
    }

    /// Fail closed: a quarantine whose record is damaged or gone keeps its plugin out (its marker
    /// says it was quarantined) until it is released.
    @Test func aQuarantineOutlivesItsDamagedOrLostRecord() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        try store.update(storing: [Fingerprint(value: 3): Self.record("crashy", passed: false), Fingerprint(value: 4): Self.record("gone", passed: false)])
        try root.write("state/probes/0000000000000003.json", #"{"schema": 2, "fingerprint": "00000000000000"#)
        try FileManager.default.removeItem(atPath: root.path + "/state/probes/0000000000000004.json")
        let loaded = store.load()
        let damaged = try #require(loaded.records[Fingerprint(value: 3)])
        #expect(!damaged.isPassed)
        #expect(damaged.reason?.contains("damaged") == true && damaged.reason?.contains("had been quarantined") == true)
        #expect(loaded.warnings.first?.contains("stays quarantined until it is released") == true)
        #expect(loaded.records[Fingerprint(value: 4)]?.reason?.contains("its probe record is gone, and it had been quarantined") == true)
        // Again: the marker still holds, with the damaged record set aside.
        #expect(store.load().records[Fingerprint(value: 3)]?.isPassed == false)
        // Released (removed), and nothing holds any more.
        try store.update(storing: [:], removing: [Fingerprint(value: 3), Fingerprint(value: 4)])
        #expect(store.load().records.isEmpty)
    }

    /// A record that cannot be read is an error, and nothing is moved or replaced (here a folder in
    /// its place; the permission error itself is in `StateFolderCommandTests`).
    @Test func anUnreadableRecordIsReportedAndLeftAlone() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        try store.update(storing: [Fingerprint(value: 1): Self.record("a", passed: true)])
        try root.folder("state/probes/0000000000000005.json")
        let loaded = store.load()
        #expect(loaded.unreadable[Fingerprint(value: 5)]?.contains("cannot be read (is a directory)") == true)
        #expect(loaded.warnings == ["The probe record \(root.path)/state/probes/0000000000000005.json cannot be read (is a directory); it was left as it is."])
        #expect(loaded.records.count == 1)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root.path + "/state/probes/0000000000000005.json", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try !Self.files(root.path + "/state/probes").contains { $0.contains(".corrupt-") })
    }

    @Test func setAsideFilesAreBounded() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        for round in 0..<3 {
            for value in 1...4 {
                try root.write("state/probes/\(Fingerprint(value: UInt64(value))).json", "damaged \(round)")
            }
            try root.write("state/probes/0000000000000009.json.corrupt-\(100 + round)", "an old one")
            _ = store.load()
        }
        let aside = try Self.files(root.path + "/state/probes").filter { $0.contains(".corrupt-") }
        #expect(aside.count == CorruptFiles.kept)
        #expect(!aside.contains("0000000000000009.json.corrupt-100"), "the oldest go first")
    }

    @Test func aProbesJSONOfAnEarlierVersionIsMigratedOnce() throws {
        let root = try TemporaryFolder()
        let passed = Self.record("a", passed: true).json.serialized()
        let failed = Self.record("b", passed: false).json.serialized()
        try root.write("state/probes.json", #"{"schema": 1, "entries": {"00000000000000a1": \#(passed), "00000000000000b2": \#(failed)}}"#)
        let store = ProbeStore(directory: root.path + "/state")
        let loaded = store.load()
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.records[Fingerprint(value: 0xa1)]?.isPassed == true)
        #expect(loaded.records[Fingerprint(value: 0xb2)]?.reason?.contains("SIGSEGV") == true)
        let files = try Self.files(root.path + "/state")
        #expect(files.contains("probes.json.migrated") && !files.contains("probes.json"))
        #expect(try Self.files(root.path + "/state/probes").contains("00000000000000b2.quarantined"))
        #expect(store.load().records == loaded.records)
    }

    @Test func aDamagedProbesJSONIsSetAsideAndAnUnreadableOneIsAProblem() throws {
        let root = try TemporaryFolder()
        try root.write("state/probes.json", "{ this is not json")
        let loaded = ProbeStore(directory: root.path + "/state").load()
        #expect(loaded.problem == nil)
        #expect(loaded.warnings.first?.contains("was moved aside to") == true)
        #expect(try Self.files(root.path + "/state").contains { $0.hasPrefix("probes.json.corrupt-") })

        let other = try TemporaryFolder()
        try other.folder("state/probes.json")  // cannot be read: a folder in its place
        let unreadable = ProbeStore(directory: other.path + "/state").load()
        #expect(unreadable.problem?.contains("cannot be read (is a directory)") == true)
        #expect(unreadable.problem?.contains("Nothing was moved or replaced") == true)
        #expect(try Self.files(other.path + "/state") == ["probes.json"])
    }

    @Test func anUnusableStateFolderIsAClearErrorOnWrite() throws {
        let root = try TemporaryFolder()
        try root.write("file", "a file, not a folder")
        let store = ProbeStore(directory: root.path + "/file/state")
        do {
            try store.update(storing: [Fingerprint(value: 1): Self.record("a", passed: true)])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(root.path + "/file/state"))
            #expect(error.message.contains("FACTORY_STATE_DIR"))
        }
        // Nothing can have been stored there: reading says nothing, and moves nothing.
        let loaded = store.load()
        #expect(loaded.records.isEmpty && loaded.warnings.isEmpty && loaded.problem == nil)
    }

    @Test func aTimeoutUnderAShorterDeadlineNoLongerDecides() throws {
        let record = ProbeRecord(planner: "slow", outcome: .timedOut(after: .milliseconds(100)), timestamp: 1)
        #expect(record.isSuperseded(byTimeout: .seconds(2)))
        #expect(!record.isSuperseded(byTimeout: .milliseconds(100)))
        #expect(try #require(ProbeRecord(json: record.json)).timedOutAfter == 0.1)
        // A record written before the deadline was kept names it in its reason.
        var legacy = record.json
        if case .object(var members) = legacy {
            members["timedOutAfter"] = nil
            legacy = .object(members)
        }
        #expect(ProbeRecord(json: legacy)?.isSuperseded(byTimeout: .seconds(2)) == true)
    }
}

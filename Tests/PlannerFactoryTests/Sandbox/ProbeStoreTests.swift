import Dispatch
import Foundation
import Testing
@testable import PlannerFactory

@Suite struct ProbeStoreTests {
    static func record(_ name: String, passed: Bool) -> ProbeRecord {
        ProbeRecord(
            planner: name, outcome: passed ? .passed(descriptor: #"{"name": "\#(name)"}"#) : .crashed(signal: 11, name: "SIGSEGV"),
            timestamp: 1_700_000_000)
    }

    @Test func recordsRoundTripAndCanBeRemoved() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state/nested")
        try store.update(storing: [Fingerprint(value: 1): Self.record("a", passed: true), Fingerprint(value: 0xFFFF_FFFF_FFFF_FFFF): Self.record("b", passed: false)])
        let loaded = store.load()
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.records[Fingerprint(value: 1)] == Self.record("a", passed: true))
        #expect(loaded.records[Fingerprint(value: 0xFFFF_FFFF_FFFF_FFFF)]?.reason?.contains("SIGSEGV") == true)
        try store.update(storing: [:], removing: [Fingerprint(value: 1)])
        #expect(store.load().records.keys.map(\.value) == [0xFFFF_FFFF_FFFF_FFFF])
    }

    /// Writers that share a state folder lose nothing: each update re-reads under the lock.
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

    @Test func aCorruptFileIsMovedAsideWithAWarning() throws {
        let root = try TemporaryFolder()
        try root.write("state/probes.json", "{ this is not json")
        let store = ProbeStore(directory: root.path + "/state")
        let loaded = store.load()
        #expect(loaded.records.isEmpty)
        #expect(loaded.warnings.first?.contains("moved aside") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path + "/state")
        #expect(files.contains { $0.hasPrefix("probes.json.corrupt-") })
        try store.update(storing: [Fingerprint(value: 7): Self.record("c", passed: true)])
        #expect(store.load().records.count == 1)
    }

    @Test func anUnusableStateFolderIsAClearError() throws {
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
        #expect(store.load().warnings.first?.contains("not usable") == true)
    }
}

import Foundation
import Testing
@testable import PlannerFactory

/// The record folder's names (`<16 lowercase hex digits><suffix>`), read as bytes, and a folder of
/// many records read on all cores.
@Suite struct ProbeStoreNamesTests {
    @Test(arguments: [
        ("0123456789abcdef.json", ".json", UInt64(0x0123_4567_89AB_CDEF)),
        ("ffffffffffffffff.quarantined", ".quarantined", UInt64.max),
        ("0000000000000000.lock", ".lock", UInt64(0)),
    ])
    func namesOfRecordsMarkersAndLocksGiveTheirFingerprint(name: String, suffix: String, value: UInt64) {
        #expect(ProbeStore.fingerprint(in: name, suffix: suffix) == Fingerprint(value: value))
    }

    @Test(arguments: [
        ("0123456789ABCDEF.json", ".json"),  // upper case is not how records are named
        ("0123456789abcdef.json", ".lock"),  // another suffix
        ("0123456789abcde.json", ".json"),  // 15 digits
        ("0123456789abcdef0.json", ".json"),  // 17 digits
        ("0123456789abcdeg.json", ".json"),  // not hexadecimal
        ("0123456789abcdef.jsoN", ".json"),
        ("0123456789abcdef.json\u{301}", ".json"),  // a combining mark after the suffix
        ("é123456789abcde.json", ".json"),  // 16 bytes, but not 16 digits
    ])
    func otherNamesAreNotRecords(name: String, suffix: String) {
        #expect(ProbeStore.fingerprint(in: name, suffix: suffix) == nil)
    }

    /// 300 records are read concurrently; one damaged among them (of a plugin that had passed) is
    /// reported and is the only record lost.
    @Test func manyRecordsLoadAndOneDamagedIsTheOnlyLoss() throws {
        let root = try TemporaryFolder()
        let store = ProbeStore(directory: root.path + "/state")
        var records: [Fingerprint: ProbeRecord] = [:]
        for value in 1...300 { records[Fingerprint(value: UInt64(value))] = ProbeStoreTests.record("p\(value)", passed: value % 3 != 0) }
        try store.update(storing: records)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: store.recordPath(Fingerprint(value: 151))))
        let loaded = store.load()
        #expect(loaded.records.count == 299)
        #expect(loaded.records[Fingerprint(value: 151)] == nil)
        #expect(loaded.records[Fingerprint(value: 299)] == records[Fingerprint(value: 299)])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("\(Fingerprint(value: 151)).json is damaged") == true)
    }
}

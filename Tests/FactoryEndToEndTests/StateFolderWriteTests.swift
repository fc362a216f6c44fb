import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// Writing the state folder from the real `factory`: a temporary file left by a dead process of
/// the same pid (pid 1, in containers) blocks no save, and migrating a `probes.json` of
/// thousands of records flushes the disk once, not once a record.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct StateFolderWriteTests {
    @Test(.enabled(if: HostTools.canUnsharePIDs, "PID namespaces are denied here"))
    func aTemporaryFileLeftByAnotherPidOneBlocksNoSave() throws {
        let plugins = try StateFolderCommandTests.plugins()
        let state = plugins.path + "/state"
        #expect(try StateFolderCommandTests.status(try StateFolderCommandTests.list(plugins, state: state)).status == "active")
        let record = try #require(StateFolderCommandTests.recordFiles(state).first)
        try FileManager.default.removeItem(atPath: state + "/probes/" + record)
        // What a factory that was pid 1 left when it died writing the record (its first write).
        for number in 1...4 {
            try "half a record".write(toFile: state + "/probes/.\(record).tmp-1-\(number)", atomically: false, encoding: .utf8)
        }

        let asPidOne = try StateFolderCommandTests.list(plugins, state: state, prefix: ["/usr/bin/unshare", "-Urpf"])
        #expect(asPidOne.status == 0, "\(asPidOne.standardError)")
        #expect(try StateFolderCommandTests.status(asPidOne).status == "active")
        #expect(!asPidOne.standardError.contains("could not be saved"), "\(asPidOne.standardError)")
        #expect(StateFolderCommandTests.recordFiles(state) == [record], "saved")
    }

    @Test(.enabled(if: HostTools.canTrace, "strace cannot trace here"))
    func migratingManyRecordsFlushesTheDiskOnce() throws {
        let plugins = try StateFolderCommandTests.plugins()
        let state = plugins.path + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let entries = (1...500).map { index in
            #""\#(String(format: "%016llx", UInt64(index) << 8))": {"planner": "p\#(index)", "passed": \#(index % 5 == 0 ? "false" : "true"), "reason": "r", "time": 1}"#
        }
        try #"{"schema": 1, "entries": {\#(entries.joined(separator: ", "))}}"#.write(toFile: state + "/probes.json", atomically: false, encoding: .utf8)

        let log = plugins.path + "/syncs.log"
        let traced = try StateFolderCommandTests.list(
            plugins, state: state, ["--no-probe"], prefix: ["/usr/bin/strace", "-f", "-qq", "-e", "trace=fsync,fdatasync,syncfs", "-o", log])
        #expect(traced.status == 0, "\(traced.standardError)")
        #expect(StateFolderCommandTests.recordFiles(state).count == 500)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).contains("probes.json.migrated"))
        let syncs = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter { $0.contains("sync") }
        #expect(syncs.count <= 5, "\(syncs.count) flushes for 500 records: \(syncs.prefix(8))")
    }
}

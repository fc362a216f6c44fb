import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// A crash of the host recorded by a load marker is never lost: while its record cannot be
/// stored (another process holds the record's lock past `FACTORY_LOCK_TIMEOUT`), the marker is
/// kept and the plugin is kept out in that process; the next start stores it.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct CrashRecordTests {
    @Test func aCrashWhoseRecordIsBusyKeepsItsMarkerAndIsRecordedNextTime() throws {
        let plugins = try StateFolderCommandTests.plugins()
        let state = plugins.path + "/state"
        #expect(try StateFolderCommandTests.status(try StateFolderCommandTests.list(plugins, state: state)).status == "active")
        let record = try #require(StateFolderCommandTests.recordFiles(state).first)
        let fingerprint = String(record.dropLast(".json".count))
        let marker = state + "/loading/99999-1-\(fingerprint).json"
        try FileManager.default.createDirectory(atPath: state + "/loading", withIntermediateDirectories: true)
        try #"{"pid": 99999, "planner": "fixture", "time": 1}"#.appending("\ncrashed-by-signal 11 in plan\n")
            .write(toFile: marker, atomically: false, encoding: .utf8)

        let holder = try StateFolderLockTests.holdLock(state + "/probes/\(fingerprint).lock")
        let busy = try StateFolderCommandTests.list(plugins, state: state, ["--lock-timeout", "1.5"])
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(busy.status == 0, "\(busy.standardError)")
        let warnings = try busy.json()["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains { $0.contains("its quarantine could not be recorded yet, so it holds in this process only") && $0.contains(marker) }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("it is quarantined.") || $0.contains("is not quarantined") }, "\(warnings)")
        #expect(try StateFolderCommandTests.status(busy).status == "quarantined", "kept out meanwhile")
        #expect(FileManager.default.fileExists(atPath: marker), "the marker is kept")

        let next = try StateFolderCommandTests.list(plugins, state: state)
        #expect(try StateFolderCommandTests.status(next).status == "quarantined")
        #expect(try StateFolderCommandTests.status(next).reason?.hasPrefix("crashed in plan with SIGSEGV, in-process") == true)
        #expect(try next.json()["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("it is quarantined.") == true } == true)
        #expect(!FileManager.default.fileExists(atPath: marker), "recorded, then removed")

        let after = try StateFolderCommandTests.list(plugins, state: state, ["--no-probe"])
        #expect(try StateFolderCommandTests.status(after).status == "quarantined", "stored in the state folder")
    }
}

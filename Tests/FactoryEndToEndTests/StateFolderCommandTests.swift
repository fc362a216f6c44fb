import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// The real `factory` on real state folders: a failure of the machine, the state folder or the
/// probe helper is not the plugin's (it stays pending, with a warning naming the cause, and nothing
/// keeps it out afterwards); records that cannot be read are reported, and never moved or replaced.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct StateFolderCommandTests {
    /// A folder with the working fixture plugin `fixture` (its library built by the C compiler).
    static func plugins(source: String = FixturePlugin.working(name: "fixture")) throws -> PluginFolder {
        let plugins = try PluginFolder()
        try FixturePlugin.bundle(plugins.path + "/fixture", name: "fixture", source: source)
        return plugins
    }

    static func status(_ result: FactoryBinary.Result) throws -> (status: String?, reason: String?) {
        let row = try result.json()["planners"]?.arrayValue?.first { $0["name"] == "fixture" }
        return (row?["status"]?.stringValue, row?["reason"]?.stringValue)
    }

    static func list(_ plugins: PluginFolder, state: String, _ more: [String] = [], prefix: [String] = []) throws -> FactoryBinary.Result {
        try FactoryBinary.run(["list", "--json", "--plugin-path", plugins.path, "--state-dir", state] + more, prefix: prefix)
    }

    static func recordFiles(_ state: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state + "/probes")) ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test(.enabled(if: SmallDisk.isAvailable, "mounting a small tmpfs needs root (CAP_SYS_ADMIN)"))
    func aFullDiskLeavesThePluginPendingUntilThereIsRoom() throws {
        let plugins = try Self.plugins()
        let disk = try SmallDisk(kilobytes: 64)
        try disk.fill(leaving: 8)
        let state = disk.path + "/state"
        let full = try Self.list(plugins, state: state)
        #expect(full.status == 0, "\(full.standardError)")
        #expect(try Self.status(full).status == "pending")
        #expect(full.standardError.contains("fixture stays pending: "))
        #expect(full.standardError.contains("No space left on device"))
        #expect(Self.recordFiles(state).isEmpty, "nothing recorded")

        try disk.free()
        let roomy = try Self.list(plugins, state: state)
        #expect(try Self.status(roomy).status == "active", "\(roomy.standardError)")
    }

    @Test(.enabled(if: SmallDisk.isAvailable, "mounting a small tmpfs needs root (CAP_SYS_ADMIN)"))
    func aReadOnlyStateFolderLeavesThePluginPending() throws {
        let plugins = try Self.plugins()
        let disk = try SmallDisk(kilobytes: 64, isReadOnly: true)
        let result = try Self.list(plugins, state: disk.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.status(result).status == "pending")
        #expect(result.standardError.contains("fixture stays pending: "))
        #expect(result.standardError.contains("Read-only file system"))
    }

    @Test func aProbeHelperThatIsNotOneLeavesPluginsPending() throws {
        let plugins = try Self.plugins()
        let state = plugins.path + "/state"
        let wrong = try Self.list(plugins, state: state, ["--probe-path", "/bin/true"])
        #expect(try Self.status(wrong).status == "pending")
        #expect(wrong.standardError.contains("fixture stays pending: the sandbox probe could not run: the probe exited with code 0 without a report (the probe helper is /bin/true)"))
        #expect(try wrong.json()["warnings"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("fixture stays pending: the sandbox probe could not run") == true } == true,
                "the JSON says it too")
        #expect(Self.recordFiles(state).isEmpty)
        let missing = try Self.list(plugins, state: state, ["--probe-path", plugins.path + "/no-such-probe"])
        #expect(try Self.status(missing).status == "pending")
        #expect(missing.standardError.contains("no-such-probe (looked for at FACTORY_PROBE_PATH / --probe-path) is missing or not executable"))
        #expect(Self.recordFiles(state).isEmpty)
        let right = try Self.list(plugins, state: state)
        #expect(try Self.status(right).status == "active", "\(right.standardError)")
    }

    @Test func aTimeoutUnderAShortDeadlineIsProbedAgainUnderTheLongerOne() throws {
        let slow = FixturePlugin.working(name: "fixture") + "\n__attribute__((constructor)) static void slow_start(void) { usleep(300000); }\n"
        let plugins = try Self.plugins(source: slow)
        let state = plugins.path + "/state"
        let hurried = try Self.list(plugins, state: state, ["--sandbox-timeout", "0.1"])
        #expect(try Self.status(hurried).status == "quarantined")
        #expect(try Self.status(hurried).reason?.contains("did not finish within 0.1 s") == true)
        let patient = try Self.list(plugins, state: state, ["--sandbox-timeout", "2"])
        #expect(try Self.status(patient).status == "active", "\(patient.standardError)")
    }

    /// The issue's case: a user who cannot read a root-owned `probes.json` (of an earlier
    /// version) gets an error, and the file stays as it is; so does a record file of its own.
    @Test(.enabled(if: getuid() == 0, "dropping privileges with setpriv needs root"))
    func recordsThatCannotBeReadAreReportedAndLeftAlone() throws {
        let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        let plugins = try Self.plugins()
        let state = plugins.path + "/state"
        #expect(try Self.status(try Self.list(plugins, state: state)).status == "active")
        chmod(state, 0o755)
        chmod(state + "/probes", 0o755)
        let record = try #require(Self.recordFiles(state).first.map { state + "/probes/" + $0 })
        chmod(record, 0o600)
        let before = try FileManager.default.attributesOfItem(atPath: record)

        let denied = try Self.list(plugins, state: state, prefix: nobody)
        #expect(denied.status == 0, "\(denied.standardError)")
        #expect(try Self.status(denied).status == "pending")
        #expect(try Self.status(denied).reason?.contains("cannot be read (permission denied); it stays pending until the file can be read") == true)
        #expect(try denied.json()["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("it was left as it is") == true } == true)
        let after = try FileManager.default.attributesOfItem(atPath: record)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        // A command that needs the planner names the cause, not only "see the warnings".
        let plan = try FactoryBinary.run(["plan", "fixture", "--objective", "x", "--plugin-path", plugins.path, "--state-dir", state], prefix: nobody)
        #expect(plan.status == 3)
        #expect(plan.standardError.contains("which could not run: its probe record \(record) cannot be read (permission denied)"), "\(plan.standardError)")

        // The records folder itself cannot be read.
        chmod(state + "/probes", 0o700)
        let folderDenied = try FactoryBinary.run(["plan", "fixture", "--objective", "x", "--plugin-path", plugins.path, "--state-dir", state], prefix: nobody)
        #expect(folderDenied.status == 3)
        #expect(folderDenied.standardError.contains("which could not run: The probe records in \(state)/probes cannot be read"), "\(folderDenied.standardError)")
        chmod(state + "/probes", 0o755)

        // A root-owned probes.json of an earlier version, unreadable by the user.
        let legacyState = plugins.path + "/legacy"
        try FileManager.default.createDirectory(atPath: legacyState, withIntermediateDirectories: true)
        chmod(legacyState, 0o755)
        try #"{"schema": 1, "entries": {}}"#.write(toFile: legacyState + "/probes.json", atomically: false, encoding: .utf8)
        chmod(legacyState + "/probes.json", 0o600)
        let legacy = try Self.list(plugins, state: legacyState, prefix: nobody)
        #expect(legacy.status == 0, "\(legacy.standardError)")
        #expect(try Self.status(legacy).status == "pending")
        #expect(try Self.status(legacy).reason?.contains("probes.json of an earlier version cannot be read (permission denied)") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: legacyState) == ["probes.json"], "nothing moved, nothing written")
    }

    /// When the state path is a file, `list` says so once, and claims nothing was moved.
    @Test func aStatePathThatIsAFileIsSaidOnce() throws {
        let plugins = try Self.plugins()
        let file = plugins.path + "/state-file"
        try "not a folder".write(toFile: file, atomically: false, encoding: .utf8)
        let result = try FactoryBinary.run(["list", "--plugin-path", plugins.path, "--state-dir", file])
        let lines = (result.standardOutput + result.standardError).split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(lines == ["warning: The state folder \(file) is not usable: \(file) is a file, not a folder (Not a directory). Set FACTORY_STATE_DIR or --state-dir to a writable folder. Plugins stay pending."])
        #expect(!(result.standardOutput + result.standardError).contains("moved aside"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder")
    }
}

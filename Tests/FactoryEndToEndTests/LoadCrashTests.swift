import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// A plugin that passes its sandbox probe but crashes the host while it is loaded in-process:
/// the crashed process leaves its load marker, and the next start quarantines the plugin.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "the thread sanitizer turns every crash into SIGSEGV and cannot load uninstrumented plugins into its probe"))
struct LoadCrashTests {
    @Test func aCrashWhileLoadingQuarantinesThePluginAtTheNextStart() throws {
        let folder = try PluginFolder()
        try FixturePlugin.bundle(folder.path + "/plugins/crashy", name: "crashy")
        let environment = ["FACTORY_PLUGIN_PATH": folder.path + "/plugins", "FACTORY_STATE_DIR": folder.path + "/state",
                           "FACTORY_ISOLATION": "in-process"]

        // The probe runs with a minimal environment, so it passes; the host has the variable and
        // its create aborts, in the middle of the in-process load.
        let crashed = try FactoryBinary.run(
            ["plan", "crashy", "--objective", "go"], environment: environment.merging(["FIXTURE_CRASH_ON_CREATE": "1"]) { $1 })
        #expect(crashed.status == 6, "killed by SIGABRT: \(crashed.standardError)")
        let markers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/state/loading")
        #expect(markers.count == 1)

        let next = try FactoryBinary.run(["show", "crashy", "--json"], environment: environment)
        let record = try next.json()
        #expect(record["status"] == "quarantined")
        #expect(record["reason"]?.stringValue?.contains("crashed in create with SIGABRT, in-process") == true, "\(record["reason"] ?? .null)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/state/loading").isEmpty)

        // Released by hand: the probe passes again (it never crashed the probe), so it is active.
        let released = try FactoryBinary.run(["release", "crashy"], environment: environment)
        #expect(released.status == 0, "\(released.standardOutput) \(released.standardError)")
        #expect(released.standardOutput.contains("active"))
        let planned = try FactoryBinary.run(["plan", "crashy", "--objective", "go", "--json"], environment: environment)
        #expect(planned.status == 0, "\(planned.standardError)")
        #expect(try planned.json()["steps"] == ["plan 1"])
        // That process ended with its in-process instance alive: its marker is no crash.
        let after = try FactoryBinary.run(["show", "crashy", "--json"], environment: environment)
        #expect(try after.json()["status"] == "active")
        #expect(!after.standardError.contains("did not finish"), "\(after.standardError)")
    }

    /// In-process, a crash in `plan` takes the host down; the instance's marker names the call,
    /// and the next start quarantines the plugin for it.
    @Test func aCrashInAnInProcessPlanIsNamedAtTheNextStart() throws {
        let folder = try PluginFolder()
        let environment = ["FACTORY_PLUGIN_PATH": ExamplePlugins.folder, "FACTORY_STATE_DIR": folder.path + "/state",
                           "FACTORY_ISOLATION": "in-process"]
        let crashed = try FactoryBinary.run(["plan", "fault-crash-plan", "--objective", "go"], environment: environment)
        #expect(crashed.status == 11, "killed by SIGSEGV: \(crashed.standardError)")
        let next = try FactoryBinary.run(["show", "fault-crash-plan", "--json"], environment: environment)
        let record = try next.json()
        #expect(record["status"] == "quarantined")
        #expect(record["reason"]?.stringValue?.hasPrefix("crashed in plan with SIGSEGV, in-process") == true, "\(record["reason"] ?? .null)")
    }

    /// A process killed in the middle of a load (SIGKILL: no crash signal) leaves its marker, but
    /// the plugin is not blamed for it.
    /// Synchronous on purpose: its polling must not wait for a turn on the test run's small
    /// cooperative thread pool, which long blocking tests may hold for longer than the load lasts.
    @Test func aProcessKilledWhileLoadingDoesNotQuarantineThePlugin() throws {
        let folder = try PluginFolder()
        try FixturePlugin.bundle(folder.path + "/plugins/slow", name: "slow")
        // A generous probe deadline: on a loaded machine a 2 s probe could time out, and the
        // command would end before it ever loads the plugin.
        let environment = ["FACTORY_PLUGIN_PATH": folder.path + "/plugins", "FACTORY_STATE_DIR": folder.path + "/state",
                           "FACTORY_ISOLATION": "in-process", "FACTORY_SANDBOX_TIMEOUT": "20"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FactoryBinary.path)
        process.arguments = ["plan", "slow", "--objective", "go"]
        process.environment = environment.merging(["FIXTURE_SLOW_CREATE": "1", "PATH": "/usr/bin:/bin"]) { $1 }
        let outputLog = folder.path + "/stdout.log"
        _ = FileManager.default.createFile(atPath: outputLog, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outputLog)
        let errorLog = folder.path + "/stderr.log"
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errorLog)
        try process.run()
        let loading = folder.path + "/state/loading"
        var waited = 0
        while ((try? FileManager.default.contentsOfDirectory(atPath: loading)) ?? []).filter({ $0.hasSuffix(".json") }).isEmpty, waited < 1600 {
            usleep(25_000)  // polling for the marker the load writes
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal,
                "it ended on its own after \(waited * 25) ms: \((try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""); stdout: \((try? String(contentsOfFile: outputLog, encoding: .utf8)) ?? ""); state: \((try? FileManager.default.subpathsOfDirectory(atPath: folder.path + "/state")) ?? [])")
        let next = try FactoryBinary.run(["show", "slow", "--json"], environment: environment)
        #expect(try next.json()["status"] == "active", "a kill is not a crash of the plugin")
        #expect(try FileManager.default.contentsOfDirectory(atPath: loading).isEmpty, "the abandoned marker was removed")
    }
}

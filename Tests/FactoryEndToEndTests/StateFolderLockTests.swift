import Dispatch
import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// Locks of the state folder between real processes: reading never waits; a writer names the
/// holder and gives up at `FACTORY_LOCK_TIMEOUT`; processes started together probe each plugin once.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct StateFolderLockTests {
    /// Another process holding a record's lock as the factory does: `flock`, then its pid and the
    /// time written into the lock file; it runs `sleep 60` until it is terminated. Or, when
    /// `writesItself` is false, a Python process that takes the lock and writes nothing.
    static func holdLock(_ path: String, writesItself: Bool = true) throws -> Process {
        let holder = Process()
        if writesItself {
            holder.executableURL = URL(fileURLWithPath: "/bin/bash")
            holder.arguments = ["-c", #"exec 9>>"$0"; flock 9; printf '%s %s\n' "$$" "$(date +%s)" > "$0"; echo locked; exec sleep 60"#, path]
        } else {
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            holder.arguments = ["-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)", path]
        }
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            said += chunk
        }
        return holder
    }

    /// The fixture plugin probed (active) into a state folder; its record and that record's lock.
    static func probedFixture() throws -> (plugins: PluginFolder, state: String, record: String, lock: String) {
        let plugins = try StateFolderCommandTests.plugins()
        let state = plugins.path + "/state"
        #expect(try StateFolderCommandTests.status(try StateFolderCommandTests.list(plugins, state: state)).status == "active")
        let records = try FileManager.default.contentsOfDirectory(atPath: state + "/probes")
        let record = try #require(records.first { $0.hasSuffix(".json") }.map { state + "/probes/" + $0 })
        return (plugins, state, record, String(record.dropLast(".json".count)) + ".lock")
    }

    @Test func readersNeverWaitAndAWriterNamesTheHolderAndGivesUpAtTheLimit() throws {
        let (plugins, state, record, lock) = try Self.probedFixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: record))
        let holder = try Self.holdLock(lock)
        defer {
            kill(holder.processIdentifier, SIGKILL)  // our own child; SIGTERM may be ignored under the test runner
            holder.waitUntilExit()
        }

        let listed = try StateFolderCommandTests.list(plugins, state: state, ["--no-probe"])
        #expect(listed.status == 0)
        #expect(try StateFolderCommandTests.status(listed).status == "active")
        #expect(holder.isRunning, "the lock was held all along")

        let release = try FactoryBinary.run(["release", "fixture", "--plugin-path", plugins.path, "--state-dir", state, "--lock-timeout", "1.5"])
        #expect(release.status == 1)
        let pid = holder.processIdentifier
        #expect(release.standardError.contains("warning: Waiting to remove the probe record of fixture ("))
        #expect(release.standardError.contains("is held by pid \(pid) (sleep 60), for "))
        #expect(release.standardError.contains("waiting at most 1.5 s (FACTORY_LOCK_TIMEOUT)"))
        #expect(release.standardError.contains("error: Could not remove the probe record of fixture ("))
        #expect(release.standardError.contains("gave up after 1.5 s (FACTORY_LOCK_TIMEOUT), and nothing was written."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: record)) == before)
        #expect(holder.isRunning)
    }

    /// A lock held by a process that writes nothing into it is named from
    /// the kernel's list of locks; a fault whose count the state folder cannot keep says so.
    @Test func anyHolderIsNamedAndAFaultThatCannotBeKeptIsSaid() throws {
        let (plugins, state, _, lock) = try Self.probedFixture()
        let holder = try Self.holdLock(lock, writesItself: false)
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }

        let release = try FactoryBinary.run(["release", "fixture", "--plugin-path", plugins.path, "--state-dir", state, "--lock-timeout", "1"])
        #expect(release.status == 1)
        #expect(release.standardError.contains("is held by pid \(holder.processIdentifier) (/usr/bin/python3 -c import fcntl"), "\(release.standardError)")
        #expect(!release.standardError.contains("another process"))

        let plan = try FactoryBinary.run(
            ["plan", "fixture", "--objective", "hang", "--plugin-path", plugins.path, "--state-dir", state, "--lock-timeout", "1", "--plan-timeout", "0.5"])
        #expect(plan.status == 3)
        #expect(plan.standardError.contains("did not finish plan within 0.5 s"), "\(plan.standardError)")
        #expect(plan.standardError.contains("This fault was counted in this process only (1 in a row here): the state folder could not keep it."))
        #expect(holder.isRunning, "the lock was held all along")
    }

    /// A process that finds another probing a plugin waits for its result at most
    /// `FACTORY_LOCK_TIMEOUT` plus twice `FACTORY_SANDBOX_TIMEOUT`, plus the time copying that
    /// plugin's libraries may take (nothing for a small one), not that of the largest copy allowed.
    @Test func aProbeOfAnotherProcessIsAwaitedForTheTimeItsCopyMayTake() throws {
        let plugins = try StateFolderCommandTests.plugins()
        let state = plugins.path + "/state"
        // A 300 MB (sparse) file outside the bundle, linked in as a library: the copy refuses it,
        // so its size adds no time.
        let outside = try PluginFolder()
        let big = open(outside.path + "/big", O_WRONLY | O_CREAT, 0o644)
        #expect(big >= 0 && ftruncate(big, 300 << 20) == 0)
        close(big)
        #expect(symlink(outside.path + "/big", plugins.path + "/fixture/libbig.so") == 0)
        let shown = try FactoryBinary.run(["show", "fixture", "--json", "--no-probe", "--plugin-path", plugins.path, "--state-dir", state])
        let fingerprint = try #require(try shown.json()["fingerprint"]?.stringValue)
        try FileManager.default.createDirectory(atPath: state + "/probes", withIntermediateDirectories: true)
        let holder = try Self.holdLock(state + "/probes/\(fingerprint).lock")
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        let listed = try StateFolderCommandTests.list(plugins, state: state, ["--lock-timeout", "0.5", "--sandbox-timeout", "0.25"])
        #expect(listed.status == 0)
        #expect(try StateFolderCommandTests.status(listed).status == "pending")
        #expect(listed.standardError.contains("waiting at most 1 s (FACTORY_LOCK_TIMEOUT plus twice FACTORY_SANDBOX_TIMEOUT)."), "\(listed.standardError)")
    }

    /// The issue's target: 16 `factory list` started together on 30 plugins start at most 60
    /// probe processes in all (each is counted by a probe helper that logs its start).
    @Test func sixteenListsStartedTogetherProbeEachPluginAboutOnce() throws {
        let plugins = try PluginFolder()
        let names = (0..<30).map { String(format: "plugin-%02d", $0) }
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            if (try? FixturePlugin.bundle(plugins.path + "/" + names[index], name: names[index])) == nil { failures.add() }
        }
        #expect(failures.value == 0)
        let log = plugins.path + "/probe-starts.log"
        let wrapper = plugins.path + "/counting-probe"
        try "#!/bin/sh\necho \"$$\" >> '\(log)'\nexec '\(BuildProducts.path(of: "factory-probe"))' \"$@\"\n"
            .write(toFile: wrapper, atomically: false, encoding: .utf8)
        chmod(wrapper, 0o755)
        let state = plugins.path + "/state"

        let runs = try (0..<16).map { _ -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: FactoryBinary.path)
            process.arguments = ["list", "--json", "--plugin-path", plugins.path, "--state-dir", state]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_PROBE_PATH": wrapper]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, output)
        }
        for (process, output) in runs {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let rows = (try? JSONValue(parsing: Array(data)))?["planners"]?.arrayValue ?? []
            #expect(rows.filter { $0["name"]?.stringValue?.hasPrefix("plugin-") == true }.count == 30)
        }
        let starts = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
        #expect(starts >= 30, "every plugin was probed")
        #expect(starts <= 60, "16 simultaneous lists started \(starts) probes")
        print("16 simultaneous `factory list` on 30 plugins started \(starts) probe processes")
        let final = try StateFolderCommandTests.list(plugins, state: state, ["--no-probe"])
        let statuses = try final.json()["planners"]?.arrayValue?.filter { $0["name"]?.stringValue?.hasPrefix("plugin-") == true }.map { $0["status"] }
        #expect(statuses == Array(repeating: "active", count: 30))
    }
}

/// A counter behind a lock, for the compile threads above.
private final class Locked: @unchecked Sendable {  // `count` is guarded by `lock`
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

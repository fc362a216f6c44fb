import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// In-process loading: plugins are probed and loaded from the same content-addressed copy, created
/// through their table, quarantined after repeated failures, and released by hand.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct LoadingTests {
    /// A bundle `plugins/<folder>` holding the working fixture plugin named `name`.
    static func bundle(_ folder: String, name: String, source: String? = nil, in root: TemporaryFolder) throws {
        try FixturePlugin.bundle(root.path + "/plugins/\(folder)", name: name, source: source)
    }

    static func copies(_ root: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path + "/state/libraries")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func aPluginIsProbedThenLoadedFromTheSameCopyAndItsInstanceCached() throws {
        let root = try TemporaryFolder()
        try Self.bundle("good", name: "good", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        #expect(factory.record(named: "good")?.status == .pending)

        let instance = try factory.planner(named: "good")  // probes first, then loads
        #expect(factory.record(named: "good")?.status == .active)
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
        #expect(try factory.planner(named: "good") === instance)
        #expect(try factory.plan(Objective(text: "go"), using: "good").steps == ["plan 2"], "the cached instance")
        #expect(throws: FactoryError(.planningFailed, "")) { try instance.plan(Objective(text: "impossible")) }
        #expect(instance.health() == PlannerHealth(isHealthy: true, detail: "fixture ok"))

        // Loaded from the copy that was probed, not from the bundle.
        let copies = Self.copies(root)
        #expect(copies.count == 1)
        let maps = String(decoding: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/maps")).readToEnd() ?? Data(), as: UTF8.self)
        #expect(maps.contains(root.path + "/state/libraries/\(copies[0])/libgood.so"))
        #expect(!maps.contains(root.path + "/plugins/good/libgood.so"))

        let created = factory.telemetry.snapshot().recentInstantiations.first { $0.planner == "good" && $0.outcome == .success }
        #expect(created?.phases.map(\.name) == ["probe", "load", "create"])
        #expect(factory.health().checks.first { $0.name == "good" }?.detail.contains("probe passed") == true)
    }

    @Test func repeatedCreateFailuresQuarantineThePluginUntilReleased() throws {
        let root = try TemporaryFolder()
        try Self.bundle("flaky", name: "flaky", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        for attempt in 1...3 {
            do {
                _ = try factory.planner(named: "flaky", configuration: ["mode": "fail"])
                Issue.record("expected an instantiation error")
            } catch {
                #expect(error.code == .instantiationError)
                #expect(error.message.contains("the configuration asked to fail"))
                #expect(error.message.contains("quarantined") == (attempt == 3))
            }
        }
        let record = try #require(factory.record(named: "flaky"))
        #expect(record.status == .quarantined)
        #expect(record.reason == "create failed: Could not create planner \"flaky\": its create function failed: the configuration asked to fail, 3 times in a row")
        #expect(throws: FactoryError(.plannerQuarantined, "")) { try factory.planner(named: "flaky") }

        // Kept in the state folder: another factory sees the quarantine.
        let other = root.factory(["plugins"], sandbox: true)
        other.discover()
        #expect(other.record(named: "flaky")?.status == .quarantined)

        // Released by hand: probed again at once, active, and usable.
        let released = try other.release("flaky")
        #expect(released.status == .active)
        #expect(try other.plan(Objective(text: "go"), using: "flaky").steps == ["plan 1"])
        #expect(try other.release("flaky").status == .active, "an active plugin is probed again")
        #expect(throws: FactoryError(.plannerNotFound, "")) { try other.release("nobody") }
    }

    @Test func aReleasedPluginThatFailsAgainIsQuarantinedWithAFreshTime() throws {
        let root = try TemporaryFolder()
        try Self.bundle("crasher", name: "fixture", source: CFixture.plugin(entry: "abort();"), in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        let first = try #require(factory.record(named: "fixture")?.quarantinedSince)
        Thread.sleep(forTimeInterval: 0.02)
        let again = try factory.release("fixture")
        #expect(again.status == .quarantined)
        #expect(again.reason?.contains("SIGABRT") == true)
        #expect(try #require(again.quarantinedSince) > first)
    }

    @Test func aChangedBundleIsProbedAgainInANewCopyBeforeItIsLoaded() throws {
        let root = try TemporaryFolder()
        try Self.bundle("p", name: "p", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        _ = try factory.planner(named: "p")
        let before = Self.copies(root)

        // New code for the same bundle, without a rediscovery: loading notices the change.
        try Self.bundle("p", name: "p", source: FixturePlugin.working(name: "p") + "\nint changed = 1;\n", in: root)
        _ = try factory.planner(named: "p", configuration: ["other": true])
        let after = Self.copies(root)
        #expect(after.count == 2)
        #expect(Set(after).isSuperset(of: before))
        #expect(factory.record(named: "p")?.fingerprint != nil)

        // A new start removes the copy no current fingerprint refers to (once it is old enough).
        let stale = try #require(before.first)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: root.path + "/state/libraries/" + stale)
        let restarted = root.factory(["plugins"], sandbox: true)
        restarted.discover()
        #expect(Self.copies(root) == after.filter { $0 != stale })
        #expect(restarted.record(named: "p")?.status == .active, "no probe needed: the current copy is kept")
    }

    @Test func aHeldMarkerIsALoadUnderWayAndAnAbandonedOneQuarantinesOnlyForACrash() throws {
        let root = try TemporaryFolder()
        try Self.bundle("p", name: "p", in: root)
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        let fingerprint = try #require(factory.record(named: "p")?.fingerprint)
        let markers = LoadMarkers(stateDirectory: root.path + "/state")

        // A marker this process holds (its flock) is a load under way, not a crash.
        let live = try markers.begin(planner: "p", fingerprint: fingerprint, bundle: root.path + "/plugins/p", copy: nil)
        let second = root.factory(["plugins"], sandbox: true)
        second.discover()
        #expect(second.record(named: "p")?.status == .active)
        #expect(FileManager.default.fileExists(atPath: live.file))
        markers.end(live)

        // Abandoned without a crash (the process was killed): reported, not quarantined.
        let json = #"{"pid": 4242, "planner": "p", "bundle": "\#(root.path)/plugins/p", "time": 1}"#
        try root.write("state/loading/4242-1-\(fingerprint).json", json + "\n")
        let third = root.factory(["plugins"], sandbox: true)
        let interrupted = third.discover()
        #expect(third.record(named: "p")?.status == .active)
        #expect(interrupted.warnings.contains { $0.contains("did not finish") && $0.contains("not quarantined") })

        // Abandoned with a crash signal recorded: quarantined, naming the signal.
        try root.write("state/loading/4243-1-\(fingerprint).json", json + "\ncrashed-by-signal 11\n")
        let fourth = root.factory(["plugins"], sandbox: true)
        let report = fourth.discover()
        #expect(fourth.record(named: "p")?.status == .quarantined)
        #expect(fourth.record(named: "p")?.reason?.contains("crashed the host process (pid 4243) with SIGSEGV") == true)
        #expect(report.warnings.contains { $0.contains("crashed process 4243 with SIGSEGV") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/state/loading").isEmpty)
    }

    /// A start in the other fingerprint mode sees other fingerprints for the same files: it must
    /// not take the first mode's records (a quarantine among them) as stale.
    @Test func aStartInTheOtherFingerprintModeKeepsTheQuarantine() throws {
        let root = try TemporaryFolder()
        try Self.bundle("crasher", name: "fixture", source: CFixture.plugin(entry: "abort();"), in: root)
        let fast = root.factory(["plugins"], sandbox: true)
        fast.discover()
        fast.probePending()
        #expect(fast.record(named: "fixture")?.status == .quarantined)
        let deep = root.factory(["plugins"], deep: true, sandbox: true)
        deep.discover()
        deep.probePending()
        #expect(deep.record(named: "fixture")?.status == .quarantined)
        let fastAgain = root.factory(["plugins"], sandbox: true)
        fastAgain.discover()
        #expect(fastAgain.record(named: "fixture")?.status == .quarantined, "still known: no probe needed")
        #expect(fastAgain.probePending().probed == 0)
    }

    /// `lib -> lib.real` inside the bundle, the entry library in it needing a library beside it
    /// through `$ORIGIN`: the copy keeps the layout, so the probe (on the copy) loads both.
    @Test func librariesInALinkedFolderAreCopiedWithTheirLayout() throws {
        let root = try TemporaryFolder()
        let real = try root.folder("plugins/linked/lib.real")
        _ = try CCompiler.sharedLibrary("dep", source: "int dep_value(void) { return 7; }", in: real)
        let source = CFixture.plugin(entry: "if (dep_value() != 7) abort();", prelude: "int dep_value(void);")
        try source.write(toFile: real + "/entry.c", atomically: false, encoding: .utf8)
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
        compiler.arguments = ["-shared", "-fPIC", "-I", CCompiler.abiHeaderFolder, "-o", real + "/libentry.so", real + "/entry.c",
                              "-L", real, "-ldep", "-Wl,-rpath,$ORIGIN", "-Wl,--no-as-needed"]
        try compiler.run()
        compiler.waitUntilExit()
        #expect(compiler.terminationStatus == 0)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/linked/lib", withDestinationPath: "lib.real")
        try root.write("plugins/linked/planner.json",
                       #"{"name": "fixture", "version": "1.0.0", "entry": {"kind": "dylib", "library": "lib/libentry.so"}}"#)
        #expect(LibraryCopies.libraryFiles(bundle: root.path + "/plugins/linked", entry: "lib/libentry.so")
            == ["lib.real/libdep.so", "lib.real/libentry.so", "lib/libdep.so", "lib/libentry.so"])
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        factory.probePending()
        #expect(factory.record(named: "fixture")?.status == .active, "\(factory.record(named: "fixture")?.reason ?? "")")
    }
}

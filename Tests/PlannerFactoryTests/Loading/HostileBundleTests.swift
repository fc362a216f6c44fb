import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Bundles that attack the copy of their libraries (issue 9, items 1–3), through the factory: a
/// FIFO, a link to /dev/zero, a sparse file past the limit, a link to a file outside the bundle.
/// Each quarantines its plugin with a reason naming the file and what it is, before any probe,
/// and nothing hangs: probing runs under a deadline, so a regression fails instead of blocking.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct HostileBundleTests {
    /// `plugins/<folder>` with the working fixture plugin `name`; `plugins/clean` beside it.
    static func setUp(_ folder: String, name: String = "hostile", in root: TemporaryFolder) throws -> String {
        try HostileBundle.good(root.path + "/plugins/clean", name: "clean")
        return try HostileBundle.good(root.path + "/plugins/\(folder)", name: name)
    }

    /// Discovers and probes under a deadline, then checks that the clean plugin beside is active.
    static func probe(_ factory: PlannerFactory) throws -> ProbeSummary {
        factory.discover()
        let summary = try #require(Deadline.run { factory.probePending() }, "probing did not return")
        #expect(factory.record(named: "clean")?.status == .active, "\(factory.record(named: "clean")?.reason ?? "")")
        return summary
    }

    static func reason(_ factory: PlannerFactory, _ name: String = "hostile") throws -> String {
        let record = try #require(factory.record(named: name))
        #expect(record.status == .quarantined)
        return record.reason ?? ""
    }

    /// The copies folder holds no copy of the hostile plugin, not even a temporary one.
    static func copies(_ root: TemporaryFolder) -> [String] {
        HostileBundle.entries(of: root.path + "/state/libraries")
    }

    @Test func aFIFOBesideTheLibraryQuarantinesThePluginInsteadOfHanging() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("fifo", in: root)
        try HostileBundle.fifo(bundle + "/libextra.so.3")
        let factory = root.factory(["plugins"], sandbox: true)
        let summary = try Self.probe(factory)
        #expect(summary.probed == 2)
        #expect(try Self.reason(factory) == "not-a-regular-file: libextra.so.3 is a FIFO, not a regular file")
        #expect(throws: FactoryError(.plannerQuarantined, "")) { try factory.planner(named: "hostile") }
        #expect(Self.copies(root).count == 1, "only the clean plugin's copy: \(Self.copies(root))")
    }

    @Test func aLinkToAFIFOInsideTheBundleNamesTheLinkAndItsTarget() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("fifo-link", in: root)
        try HostileBundle.fifo(bundle + "/pipe")
        try HostileBundle.link(bundle + "/libextra.so", to: "pipe")
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try Self.probe(factory)
        #expect(try Self.reason(factory) == "not-a-regular-file: libextra.so (a link to pipe) is a FIFO, not a regular file")
    }

    @Test func aLinkToDevZeroIsRefusedBeforeAnyByteIsCopied() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("devzero", in: root)
        try HostileBundle.link(bundle + "/libzero.so", to: "/dev/zero")
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try Self.probe(factory)
        #expect(try Self.reason(factory) == "outside-the-bundle: libzero.so resolves outside the bundle, to /dev/zero")
        #expect(Self.copies(root).count == 1)
    }

    /// `libsecret.so -> /etc/shadow`, here a secret file of the test's own, by an absolute and by
    /// a relative link from a sub-folder.
    @Test(arguments: [(file: "libsecret.so", relative: false), (file: "sub/libsecret.so", relative: true)])
    func aLinkToAFileOutsideTheBundleIsNotCopied(file: String, relative: Bool) throws {
        let root = try TemporaryFolder()
        let secret = try root.write("elsewhere/shadow", "TOP-SECRET-4711")
        let bundle = try Self.setUp("leak", in: root)
        try root.folder("plugins/leak/sub")
        try HostileBundle.link(bundle + "/" + file, to: relative ? "../../../elsewhere/shadow" : secret)
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try Self.probe(factory)
        let resolved = FileSystem.canonicalPath(secret)
        #expect(try Self.reason(factory) == "outside-the-bundle: \(file) resolves outside the bundle, to \(resolved)")
        #expect(HostileBundle.files(below: root.path + "/state", containing: "TOP-SECRET-4711").isEmpty)
    }

    @Test func aSparseFileOverTheLimitIsRefusedFromItsSizeBeforeItIsCopied() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("sparse", in: root)
        try HostileBundle.sparse(bundle + "/libbig.so", size: 300_000_000)
        let factory = root.factory(["plugins"], sandbox: true) { $0.maxCopyBytes = 64 << 20 }
        _ = try Self.probe(factory)
        #expect(try Self.reason(factory) == "library-files-too-large: libbig.so (300000000 bytes) takes the bundle's library files past the copy limit of 64M (FACTORY_MAX_COPY_BYTES)")
        #expect(Self.copies(root).count == 1)
    }

    @Test func theDefaultLimitIsOneGibibyte() throws {
        #expect(FactoryConfiguration().maxCopyBytes == 1 << 30)
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("huge", in: root)
        try HostileBundle.sparse(bundle + "/libmodel.so", size: (1 << 30) + 1)
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try Self.probe(factory)
        #expect(try Self.reason(factory).hasSuffix("past the copy limit of 1G (FACTORY_MAX_COPY_BYTES)"))
        #expect(Self.copies(root).count == 1)
    }

    /// Two files under the limit each, over it together: the bundle's total counts.
    @Test func theLimitCountsEveryLibraryFileOfTheBundle() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("pair", in: root)
        try HostileBundle.sparse(bundle + "/liba.so", size: 600 << 10)
        try HostileBundle.sparse(bundle + "/libb.so", size: 600 << 10)
        let factory = root.factory(["plugins"], sandbox: true) { $0.maxCopyBytes = 1 << 20 }
        _ = try Self.probe(factory)
        #expect(try Self.reason(factory).hasPrefix("library-files-too-large: libb.so (614400 bytes) takes the bundle's library files past the copy limit of 1M"))
        #expect(Self.copies(root).count == 1, "the partial copy is removed")
    }

    /// The limit holds while copying too: a file larger than `fstat` said (it grew) stops at the
    /// limit and its partial copy is removed.
    @Test func aFileLargerThanItsBudgetStopsAtTheLimitWhileItIsCopied() throws {
        let root = try TemporaryFolder()
        let source = try root.write("grown.so", bytes: [UInt8](repeating: 7, count: 2 << 20))
        let descriptor = open(source, O_RDONLY | O_CLOEXEC)
        defer { close(descriptor) }
        var hash: [UInt64] = [1, 2]
        let target = root.path + "/copy.so"
        let result = LibraryCopies.copyContents(of: descriptor, to: target, hash: &hash, budget: 1 << 20, timeout: .seconds(60))
        #expect(result == .tooLarge)
        #expect(!FileManager.default.fileExists(atPath: target))
        lseek(descriptor, 0, SEEK_SET)
        #expect(LibraryCopies.copyContents(of: descriptor, to: target, hash: &hash, budget: 2 << 20, timeout: .seconds(60)) == .copied(bytes: 2 << 20))
    }

    /// `libx.so -> libx.so.1` and a linked folder inside the bundle are copied as before.
    @Test func linksInsideTheBundleAreStillCopied() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundle.good(root.path + "/plugins/linked", name: "linked")
        try root.write("plugins/linked/libx.so.1", "version one")
        try HostileBundle.link(bundle + "/libx.so", to: "libx.so.1")
        try root.write("plugins/linked/deps.real/libdep.so", "a dependency")
        try HostileBundle.link(bundle + "/deps", to: "deps.real")
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        _ = try #require(Deadline.run { factory.probePending() })
        #expect(factory.record(named: "linked")?.status == .active, "\(factory.record(named: "linked")?.reason ?? "")")
        let copy = root.path + "/state/libraries/" + (try #require(Self.copies(root).first))
        #expect(try String(contentsOfFile: copy + "/libx.so", encoding: .utf8) == "version one")
        #expect(try String(contentsOfFile: copy + "/libx.so.1", encoding: .utf8) == "version one")
        #expect(try String(contentsOfFile: copy + "/deps/libdep.so", encoding: .utf8) == "a dependency")
    }

    /// The copy runs under the sandbox deadline; one that does not finish in time is not the
    /// plugin's fault: it stays pending, with a warning, and is copied again next time.
    @Test func aCopyPastTheSandboxDeadlineLeavesThePluginPending() throws {
        let root = try TemporaryFolder()
        try HostileBundle.good(root.path + "/plugins/slow", name: "slow")
        let factory = root.factory(["plugins"], sandbox: true) { $0.sandboxTimeout = .nanoseconds(1) }
        factory.discover()
        let summary = try #require(Deadline.run { factory.probePending() })
        #expect(factory.record(named: "slow")?.status == .pending)
        #expect(summary.warnings.contains { $0.contains("slow stays pending") && $0.contains("did not finish within the sandbox deadline") }, "\(summary.warnings)")
        #expect(Self.copies(root).isEmpty)

        let again = root.factory(["plugins"], sandbox: true)
        _ = try #require(Deadline.run { again.discover(); return again.probePending() })
        #expect(again.record(named: "slow")?.status == .active)
    }

    /// A copy that the state folder cannot take is the machine's fault, not the plugin's.
    @Test func aCopyFailingInTheStateFolderIsAnEnvironmentalFailure() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundle.good(root.path + "/plugins/p", name: "p")
        try root.write("state/libraries", "a file where the folder should be")
        let copies = LibraryCopies(stateDirectory: root.path + "/state")
        do {
            _ = try copies.make(bundle: bundle, library: "libp.so", planner: "p")
            Issue.record("expected a failure")
        } catch {
            guard case .environment(let cause) = error else { Issue.record("not environmental: \(error)"); return }
            #expect(cause.code == .invalidConfiguration)
            #expect(cause.message.contains("The state folder"))
        }
    }

    @Test func validateReportsTheHostileFileWithoutHanging() throws {
        let root = try TemporaryFolder()
        let bundle = try Self.setUp("fifo", in: root)
        try HostileBundle.fifo(bundle + "/libextra.so.3")
        var settings = FactoryConfiguration()
        settings.probePath = CFixture.probe
        settings.stateDirectory = root.path + "/state"
        let configuration = settings
        let report = try #require(Deadline.run { PluginValidator.validate(bundle: bundle, objective: nil, configuration: configuration) })
        #expect(!report.isValid)
        #expect(report.checks.last?.detail == "not-a-regular-file: libextra.so.3 is a FIFO, not a regular file")
    }
}

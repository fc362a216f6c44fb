import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The limits of a bundle's copy beyond its bytes: its time grows with its size (a big bundle is
/// copied once, not timed out on every run), its files are counted, its paths are bounded, and
/// only what is the bundle's own fault quarantines it.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct CopyLimitsTests {
    @Test func theDeadlineGrowsBySecondForEverySixteenMebibytes() {
        let start = ContinuousClock.now
        var allowance = LibraryCopies.Allowance(bytes: 1 << 30, deadline: start + .seconds(2))
        allowance.extend(forBytes: 48 << 20)
        #expect(allowance.deadline == start + .seconds(5))
        #expect(LibraryCopies.copyTime(forBytes: 1 << 30) == .seconds(64))
    }

    /// 128 MB cannot be copied in 10 ms; with time for its size the copy is made, once.
    @Test func aBigBundleIsCopiedInsteadOfTimingOut() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundle.good(root.path + "/plugins/big", name: "big")
        try HostileBundle.sparse(bundle + "/libbig.so", size: 128 << 20)
        let copies = LibraryCopies(stateDirectory: root.path + "/state", timeout: .milliseconds(10))
        let made = try #require(Deadline.run { Result { () throws(LibraryCopies.Failure) in try copies.make(bundle: bundle, library: "libbig.so", planner: "big") } })
        guard case .success(let copy) = made else { Issue.record("\(made)"); return }
        var info = stat()
        #expect(stat(root.path + "/state/libraries/\(copy.digest)/libbig.so", &info) == 0 && info.st_size == 128 << 20)
    }

    @Test func tooManyLibraryFilesQuarantineThePlugin() throws {
        let root = try TemporaryFolder()
        let bundle = try HostileBundleTests.setUp("many", in: root)
        try root.folder("plugins/many/deps")
        for index in 0..<LibraryCopies.maxFiles {
            #expect(FileManager.default.createFile(atPath: bundle + "/deps/lib\(index).so", contents: nil))
        }
        let factory = root.factory(["plugins"], sandbox: true)
        _ = try HostileBundleTests.probe(factory)
        #expect(try HostileBundleTests.reason(factory)
            == "too-many-library-files: the bundle has 4097 library files (*.so, *.so.*), more than the 4096 one bundle may have")
        #expect(HostileBundleTests.copies(root).count == 1, "only the clean plugin's copy")
    }

    /// A library nested 4,000 bytes deep does not fit below the state folder: the bundle's
    /// fault, said in a reason of bounded length, not the state folder's.
    @Test func aDeeplyNestedLibraryIsTheBundlesFault() throws {
        let root = try TemporaryFolder()
        _ = try HostileBundleTests.setUp("deep", in: root)
        let nested = (0..<20).map { _ in String(repeating: "d", count: 199) }.joined(separator: "/")
        try root.folder("plugins/deep/" + nested)
        try root.write("plugins/deep/\(nested)/libdeep.so", "a library")
        let state = root.path + "/state-" + String(repeating: "s", count: 150)
        let factory = root.factory(["plugins"], sandbox: true) { $0.stateDirectory = state }
        let summary = try HostileBundleTests.probe(factory)
        let reason = try HostileBundleTests.reason(factory)
        #expect(reason.hasPrefix("library-path-too-long: dddd"))
        #expect(reason.hasSuffix("… has a path of 4010 bytes inside the bundle, more than the 1024 a library file's path may have"))
        #expect(reason.utf8.count < 400)
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
    }

    /// Too many open files, no memory, an I/O error: the machine's state, not the file's.
    @Test func aFailureOfTheMachineIsNoFaultOfTheBundle() {
        for code in [EMFILE, ENFILE, ENOMEM, EIO] { #expect(LibraryCopies.isMachineError(Errno(code))) }
        for code in [EACCES, ENOENT, ELOOP, EISDIR] { #expect(!LibraryCopies.isMachineError(Errno(code))) }
        let failure = LibraryCopies(stateDirectory: "/tmp").machineFailure("libx.so", "read", Errno(EMFILE), planner: "p")
        guard case .environment(let error) = failure else { Issue.record("\(failure)"); return }
        #expect(error.message.hasPrefix("The library file libx.so of planner \"p\" cannot be read (too many open files): a failure of the machine"))
    }

    /// A negative limit set through the API is no limit to trap on: nothing can be copied.
    @Test func aNegativeCopyLimitRefusesEveryFile() throws {
        let root = try TemporaryFolder()
        _ = try HostileBundleTests.setUp("limited", in: root)
        let factory = root.factory(["plugins"], sandbox: true) { $0.maxCopyBytes = -1 }
        factory.discover()
        _ = try #require(Deadline.run { factory.probePending() })
        #expect(factory.record(named: "hostile")?.status == .quarantined)
        #expect(factory.record(named: "hostile")?.reason?.hasPrefix("library-files-too-large: liblimited.so (") == true)
    }
}

import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// Edge cases found in review: each once let a change or a bad bundle slip through.
@Suite struct ReviewedEdgeCaseTests {
    @Test func aFIFOManifestIsInvalidNotAHang() throws {
        let root = try TemporaryFolder()
        try root.folder("plugins/fifo")
        #expect(mkfifo(root.path + "/plugins/fifo/planner.json", 0o644) == 0)
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.planners().first?.reason?.contains("not a regular file") == true)
    }

    @Test func replacingTheLibraryByALinkToItIsAChange() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "p")
        let factory = root.factory(["plugins"])
        factory.discover()
        try root.folder("outside")
        try FileManager.default.moveItem(atPath: root.path + "/plugins/p/libplanner.so", toPath: root.path + "/outside/libplanner.so")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/p/libplanner.so", withDestinationPath: root.path + "/outside/libplanner.so")
        #expect(factory.rediscover().changed.count == 1)
        #expect(factory.record(named: "p")?.status == .invalid)
    }

    @Test func switchingALinkedSearchFolderIsSeen() throws {
        let root = try TemporaryFolder()
        try root.bundle("v1/plugins/a", name: "a")
        try root.bundle("v2/plugins/b", name: "b")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/current", withDestinationPath: root.path + "/v1")
        let factory = root.factory(["current/plugins"])
        factory.discover()
        factory.rediscover()
        #expect(factory.rediscover().isFromChangeNotification)
        try FileManager.default.removeItem(atPath: root.path + "/current")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/current", withDestinationPath: root.path + "/v2")
        let report = factory.rediscover()
        #expect(!report.isFromChangeNotification)
        #expect(factory.record(named: "b") != nil)
        #expect(factory.record(named: "a") == nil)
    }

    @Test func aDanglingBundleLinkWhoseTargetAppearsIsSeen() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/a", name: "a")
        try root.folder("plugins")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/bee", withDestinationPath: root.path + "/elsewhere/bee")
        let factory = root.factory(["plugins"])
        factory.discover()
        factory.rediscover()
        try root.bundle("elsewhere/bee", name: "bee")
        factory.rediscover()
        #expect(factory.record(named: "bee")?.status == .active)
    }

    @Test(arguments: ["lib.so/", "lib.so/.", "."])
    func aLibraryPathMustNameAFile(library: String) throws {
        let root = try TemporaryFolder()
        try root.write("plugins/p/planner.json", #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "\#(library)"}}"#)
        try root.write("plugins/p/lib.so", "x")
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.planners().first?.status == .invalid)
    }

    /// `x\u{600}/.` ends in the bytes "/." although, as Characters, U+0600 (a prepended mark)
    /// joins the "/" (so `hasSuffix("/.")` is false): the check is on bytes, as the file system
    /// sees the path.
    @Test func aLibraryPathEndingInSlashDotIsSeenAsBytes() {
        #expect(LibraryPath.textualProblem("x\u{600}/.") == "ends with \"/\" or \"/.\"; it must name a file")
        #expect(LibraryPath.textualProblem("x\u{600}/lib.so") == nil)
    }

    @Test func aPlainFileWithANonUTF8NameIsNotABundle() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/a", name: "a")
        let path = Array((root.path + "/plugins/r").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.planners().map(\.name) == ["a"])
    }

    @Test func anUnusablePlannerIsNotFound() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "broken", createLibrary: false)
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(throws: FactoryError(.plannerNotFound, "")) { try factory.planner(named: "broken") }
    }

    @Test func suggestionsAreDistinct() {
        let error = FactoryError.plannerNotFound("gridy", among: ["gridx", "gridx", "other"])
        #expect(error.message.hasSuffix(#"Did you mean "gridx"?"#))
    }

    @Test func additiveTermsSumToTheScore() {
        let factory = PlannerFactory(builtins: [BuiltinPlanner(EchoPlanner.self)])
        let row = factory.rank(objective: "say text", capabilities: ["echo"]).candidates(explain: true)[0]
        let terms = row.terms ?? []
        #expect(terms.filter(\.isAdditive).reduce(0) { $0 + $1.value } == row.score)
        #expect(terms.first?.isAdditive == false)
        #expect(terms.first { $0.label == "rank hint" }?.detail == "descriptor rank")
    }

    @Test func aByteOrderMarkIsNotAColumn() {
        #expect {
            _ = try JSONValue(parsing: Array("\u{FEFF}{x".utf8))
        } throws: { error in
            (error as? JSONParseError)?.column == 2
        }
    }

    @Test func theFastPathRefusesARepeatedEntryField() {
        let bytes = Array(#"{"name":"a","version":"1.0.0","entry":{"kind":""#.utf8) + [0xFF]
            + Array(#"","kind":"dylib","library":"lib.so"}}"#.utf8)
        #expect(bytes.withUnsafeBufferPointer(ManifestFastDecoder.decode) == nil)
    }
}

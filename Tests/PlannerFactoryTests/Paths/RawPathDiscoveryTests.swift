import Foundation
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Folders and files whose names are not UTF-8 are found, read and written under their exact
/// bytes: a search folder, a bundle folder, the state folder.
@Suite struct RawPathDiscoveryTests {
    /// `root/plugins/sp\xff` holding the bundles `ok` and `b\xfe`, made with byte paths only.
    static func plugins(in root: TemporaryFolder) throws -> (searchFolder: [UInt8], bundles: [[UInt8]]) {
        try root.bundle("staging/ok", name: "bytes-ok")
        try root.bundle("staging/other", name: "bytes-folder")
        let searchFolder = Array((root.path + "/plugins/sp").utf8) + [0xFF]
        try root.folder("plugins")
        #expect(RawFile.makeFolder(searchFolder))
        let bundles = [searchFolder + Array("/ok".utf8), searchFolder + Array("/b".utf8) + [0xFE]]
        #expect(RawFile.rename(Array((root.path + "/staging/ok").utf8), bundles[0]))
        #expect(RawFile.rename(Array((root.path + "/staging/other").utf8), bundles[1]))
        return (searchFolder, bundles)
    }

    @Test func bundlesInAndUnderNonUTF8FoldersAreDiscovered() throws {
        let root = try TemporaryFolder()
        let (searchFolder, bundles) = try Self.plugins(in: root)
        let factory = root.factory([]) { $0.pluginPath = [PathBytes.string(decoding: searchFolder)] }
        factory.discover()
        #expect(!factory.warnings().contains { $0.contains("does not exist") }, "\(factory.warnings())")
        let records = factory.planners()
        let ok = try #require(records.first { $0.name == "bytes-ok" })
        let other = try #require(records.first { $0.name == "bytes-folder" })
        #expect(ok.status == .active && other.status == .active, "\(ok.reason ?? "") \(other.reason ?? "")")
        #expect(ok.path.map(PathBytes.bytes(of:)) == bundles[0])
        #expect(other.path.map(PathBytes.bytes(of:)) == bundles[1])
    }

    @Test func listingAndResolvingKeepTheBytes() throws {
        let root = try TemporaryFolder()
        let (searchFolder, bundles) = try Self.plugins(in: root)
        guard case .success(let entries) = FileSystem.listFolder(PathBytes.string(decoding: searchFolder)) else {
            Issue.record("the folder cannot be listed")
            return
        }
        #expect(Set(entries.map { PathBytes.bytes(of: $0.exactName) }) == [Array("ok".utf8), Array("b".utf8) + [0xFE]])
        #expect(entries.first { $0.exactName == "ok" }?.name == "ok")
        #expect(entries.contains { $0.name == nil }, "a name that is not UTF-8 has no plain name")
        let real = try FileSystem.realPath(PathBytes.string(decoding: bundles[1])).get()
        #expect(PathBytes.bytes(of: real).starts(with: Array("/".utf8)))
        #expect(PathBytes.bytes(of: real).suffix(12) == Array(bundles[1].suffix(12)))
        #expect(try FileSystem.status(real).get().isDirectory)
    }

    @Test func theStateFolderIsMadeUnderItsExactName() throws {
        let root = try TemporaryFolder()
        let state = Array((root.path + "/state").utf8) + [0xFF]
        try StateFolder.create(PathBytes.string(decoding: state) + "/probes")
        #expect(RawFile.isFolder(state + Array("/probes".utf8)))
        #expect(!RawFile.exists(Array((root.path + "/state\u{FFFD}").utf8)), "not the lossy name")
        #expect(!RawFile.exists(Array((root.path + "/state\u{EFFF}").utf8)), "not the escape scalar's UTF-8")
    }
}

/// File system calls on byte paths, without `PathBytes` (what the tests check it against).
enum RawFile {
    static func cPath(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    static func makeFolder(_ path: [UInt8]) -> Bool { Glibc.mkdir(cPath(path), 0o755) == 0 }

    static func rename(_ from: [UInt8], _ to: [UInt8]) -> Bool { Glibc.rename(cPath(from), cPath(to)) == 0 }

    static func exists(_ path: [UInt8]) -> Bool {
        var info = stat()
        return Glibc.lstat(cPath(path), &info) == 0
    }

    static func isFolder(_ path: [UInt8]) -> Bool {
        var info = stat()
        return Glibc.lstat(cPath(path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Paths that are not UTF-8, given to the built `factory` as raw bytes: a search folder `sp\xff`,
/// a bundle folder `b\xfe`, the state folder `state\xff`, a bundle and PDDL files as arguments.
/// Every one is used under its exact bytes; text output shows them escaped (`\xff`); JSON gives
/// `path` with U+FFFD and `pathBytes` with the bytes in base64.
@Suite struct NonUTF8PathTests {
    /// A plugin folder with `plain/plain-ok`, `sp\xff/ok`, `sp\xff/b\xfe` (working C plugins
    /// named plain-ok, bytes-ok and bytes-folder) and `sp\xff/x\xfd` (no manifest); the state
    /// folder `state\xff` beside them.
    final class Layout: Sendable {
        let root: PluginFolder
        var base: [UInt8] { Array(root.path.utf8) }
        var plain: [UInt8] { base + Array("/plain".utf8) }
        var searchFolder: [UInt8] { base + Array("/sp".utf8) + [0xFF] }
        var okBundle: [UInt8] { searchFolder + Array("/ok".utf8) }
        var byteBundle: [UInt8] { searchFolder + Array("/b".utf8) + [0xFE] }
        var state: [UInt8] { base + Array("/state".utf8) + [0xFF] }
        /// `--plugin-path PLAIN:SP\xff`.
        var pluginPath: [[UInt8]] { [Array("--plugin-path".utf8), plain + [UInt8(ascii: ":")] + searchFolder] }
        var stateDir: [[UInt8]] { [Array("--state-dir".utf8), state] }

        init() throws {
            root = try PluginFolder()
            try FixturePlugin.bundle(root.path + "/plain/plain-ok", name: "plain-ok")
            try FixturePlugin.bundle(root.path + "/staging/ok", name: "bytes-ok")
            try FixturePlugin.bundle(root.path + "/staging/other", name: "bytes-folder")
            try #require(ByteFile.makeFolder(searchFolder))
            try #require(ByteFile.rename(base + Array("/staging/ok".utf8), to: okBundle))
            try #require(ByteFile.rename(base + Array("/staging/other".utf8), to: byteBundle))
            try #require(ByteFile.makeFolder(searchFolder + Array("/x".utf8) + [0xFD]))
        }
    }

    @Test func listFindsBundlesUnderNonUTF8FoldersAndShowsTheirPathsEscaped() throws {
        let layout = try Layout()
        let listed = try RawCommand.factory([Array("list".utf8)] + layout.pluginPath + layout.stateDir)
        #expect(listed.status == 0, "\(listed.error)")
        let lines = listed.output.split(separator: "\n")
        let ok = lines.first { $0.hasPrefix("bytes-ok ") } ?? ""
        #expect(ok.contains(" active ") && ok.hasSuffix(#"/sp\xff/ok"#), "\(listed.output)")
        let folder = lines.first { $0.hasPrefix("bytes-folder ") } ?? ""
        #expect(folder.contains(" active ") && folder.hasSuffix(#"/sp\xff/b\xfe"#), "\(listed.output)")
        let invalid = lines.first { $0.hasPrefix(#"x\xfd "#) } ?? ""
        #expect(invalid.contains(" invalid "), "listed under its own name, escaped: \(listed.output)")
        #expect(!(listed.output + listed.error).contains("does not exist"))
        #expect(!listed.output.contains("\u{FFFD}"))
        #expect(!listed.standardOutput.contains { $0 == 0xFF || $0 == 0xFE || $0 == 0xFD }, "no raw byte reaches the terminal")
    }

    @Test func jsonGivesPathWithReplacementCharactersAndItsBytesInBase64() throws {
        let layout = try Layout()
        let listed = try RawCommand.factory([Array("list".utf8), Array("--json".utf8)] + layout.pluginPath + layout.stateDir)
        #expect(listed.status == 0, "\(listed.error)")
        let rows = try JSONValue(parsing: listed.output)["planners"]?.arrayValue ?? []
        func row(_ name: String) -> JSONValue? { rows.first { $0["name"]?.stringValue == name } }
        let ok = try #require(row("bytes-ok"))
        #expect(ok["status"] == "active")
        #expect(ok["path"]?.stringValue == layout.root.path + "/sp\u{FFFD}/ok")
        #expect(ok["pathBytes"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) == layout.okBundle)
        let folder = try #require(row("bytes-folder"))
        #expect(folder["path"]?.stringValue == layout.root.path + "/sp\u{FFFD}/b\u{FFFD}")
        #expect(folder["pathBytes"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) == layout.byteBundle)
        let plain = try #require(row("plain-ok"))
        #expect(plain["path"]?.stringValue == layout.root.path + "/plain/plain-ok")
        #expect(plain["pathBytes"] == nil, "only paths that are not UTF-8 get their bytes")
        #expect(row("grid-astar")?["pathBytes"] == nil)
    }

    @Test func theStateFolderIsWrittenUnderItsExactName() throws {
        let layout = try Layout()
        let listed = try RawCommand.factory([Array("list".utf8)] + layout.pluginPath + layout.stateDir)
        #expect(listed.status == 0, "\(listed.error)")
        #expect(ByteFile.isFolder(layout.state + Array("/probes".utf8)), "probe results are in state\\xff")
        #expect(ByteFile.isFolder(layout.state + Array("/libraries".utf8)), "library copies are in state\\xff")
        #expect(!ByteFile.exists(layout.base + Array("/state\u{FFFD}".utf8)), "not in state + U+FFFD")
        #expect(!ByteFile.exists(layout.base + Array("/state\u{EFFF}".utf8)))
        // The same through FACTORY_STATE_DIR, and HOME's default state folder.
        let fromEnvironment = layout.base + Array("/env-state".utf8) + [0xFF]
        let viaVariable = try RawCommand.factory([Array("list".utf8)] + layout.pluginPath,
                                                 environment: [Array("FACTORY_STATE_DIR=".utf8) + fromEnvironment])
        #expect(viaVariable.status == 0, "\(viaVariable.error)")
        #expect(ByteFile.isFolder(fromEnvironment + Array("/probes".utf8)))
    }

    @Test func plansThroughAWorkerAndValidatesABundleNamedByItsBytes() throws {
        let layout = try Layout()
        let planned = try RawCommand.factory(
            [Array("plan".utf8), Array("bytes-folder".utf8), Array("--objective".utf8), Array("go".utf8)] + layout.pluginPath + layout.stateDir)
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.contains("plan 1"), "\(planned.output)")
        let validated = try RawCommand.factory(
            [Array("validate".utf8), layout.byteBundle, Array("--objective".utf8), Array("go".utf8)] + layout.stateDir)
        #expect(validated.status == 0, "\(validated.output)\(validated.error)")
        #expect(validated.output.contains(#"/sp\xff/b\xfe"#), "\(validated.output)")
        #expect(validated.output.split(separator: "\n").last == "valid", "\(validated.output)")
    }

    @Test func pddlFilesAreReadByTheirBytes() throws {
        let layout = try Layout()
        let folder = layout.base + Array("/t".utf8) + [0xE9]
        try #require(ByteFile.makeFolder(folder))
        let domain = folder + Array("/d".utf8) + [0xFF] + Array(".pddl".utf8)
        let problem = folder + Array("/p.pddl".utf8)
        try #require(ByteFile.write(Array(try Data(contentsOf: URL(fileURLWithPath: PDDLExamples.domain("gripper")))), to: domain))
        try #require(ByteFile.write(Array(try Data(contentsOf: URL(fileURLWithPath: PDDLExamples.problem("gripper", "p01")))), to: problem))
        let planned = try RawCommand.factory(
            [Array("plan".utf8), Array("--domain".utf8), domain, Array("--problem".utf8), problem, Array("--plugin-path".utf8), layout.plain] + layout.stateDir)
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.hasPrefix("plan by native-"), "\(planned.output)")
        let missing = try RawCommand.factory(
            [Array("plan".utf8), Array("--domain".utf8), folder + [0x2F, 0xFF], Array("--problem".utf8), problem, Array("--json".utf8)] + layout.stateDir)
        #expect(missing.status == 1)
        #expect(missing.error.contains(#"/t\xe9/\xff cannot be read"#), "\(missing.error)")
        let context = try JSONValue(parsing: missing.output)["error"]?["context"]
        #expect(context?["pathBytes"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) == folder + [0x2F, 0xFF])
    }
}

/// File system calls on byte paths (what the factory's handling of them is checked against).
enum ByteFile {
    static func cPath(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    static func makeFolder(_ path: [UInt8]) -> Bool { mkdir(cPath(path), 0o755) == 0 }

    static func rename(_ from: [UInt8], to: [UInt8]) -> Bool { Glibc.rename(cPath(from), cPath(to)) == 0 }

    static func exists(_ path: [UInt8]) -> Bool {
        var info = stat()
        return lstat(cPath(path), &info) == 0
    }

    static func isFolder(_ path: [UInt8]) -> Bool {
        var info = stat()
        return lstat(cPath(path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func write(_ contents: [UInt8], to path: [UInt8]) -> Bool {
        let descriptor = open(cPath(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return contents.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == contents.count
    }
}

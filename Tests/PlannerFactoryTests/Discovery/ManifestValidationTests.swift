import Foundation
import Testing
@testable import PlannerFactory

/// Every kind of bad bundle becomes `invalid` with its own precise reason, and never stops the scan.
@Suite struct ManifestValidationTests {
    /// (what the manifest says, what the reason must contain, the name the record is listed under)
    static let badManifests: [(String, String, String)] = [
        (#"{"name": "x", "version": "1.0.0", "entry": }"#, "line 1, column 44", "bad"),
        ("{\n  \"name\": \"x\",\n  \"version\" \"1.0.0\"\n}", "line 3, column 13", "bad"),
        (#"["not", "an", "object"]"#, "must be a JSON object", "bad"),
        (#"{"version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "name": is required"#, "bad"),
        (#"{"name": "Bad Name", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#, "not a valid planner name", "bad"),
        (#"{"name": 7, "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "name": must be a string"#, "bad"),
        (#"{"name": "x", "version": "1.x", "entry": {"kind": "dylib", "library": "l.so"}}"#, "not a semantic version", "x"),
        (#"{"name": "x", "version": "01.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#, "not a semantic version", "x"),
        (#"{"name": "x", "version": "1.0.0"}"#, #"field "entry": is required"#, "x"),
        (#"{"name": "x", "version": "1.0.0", "entry": {"kind": "python", "library": "l.so"}}"#, #"field "entry.kind""#, "x"),
        (#"{"name": "x", "version": "1.0.0", "entry": {"kind": "dylib"}}"#, #"field "entry.library": is required"#, "x"),
        (#"{"name": "x", "version": "1.0.0", "entry": {"kind": "dylib", "library": "/usr/lib/libc.so.6"}}"#, "is absolute", "x"),
        (#"{"name": "x", "version": "1.0.0", "entry": {"kind": "dylib", "library": "../other/l.so"}}"#, "leaves the bundle folder", "x"),
        (#"{"name": "x", "version": "1.0.0", "entry": {"kind": "dylib", "library": "missing.so"}}"#, "does not exist in the bundle", "x"),
        (#"{"name": "x", "version": "1.0.0", "capabilities": "grid", "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "capabilities": must be an array"#, "x"),
        (#"{"name": "x", "version": "1.0.0", "capabilities": ["a", 3], "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "capabilities[1]""#, "x"),
        (#"{"name": "x", "version": "1.0.0", "rank": 1.5, "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "rank""#, "x"),
        (#"{"name": "x", "version": "1.0.0", "boosts": {"a": "big"}, "entry": {"kind": "dylib", "library": "l.so"}}"#, #"field "boosts.a""#, "x"),
        (#"{"name": "x", "version": "1.0.0", "schema": 2, "entry": {"kind": "dylib", "library": "l.so"}}"#, "schema 2 is not supported", "bad"),
    ]

    @Test(arguments: badManifests)
    func badManifestIsInvalidWithReason(manifest: String, expected: String, listedAs: String) throws {
        let root = try TemporaryFolder()
        try root.write("plugins/bad/planner.json", manifest)
        try root.write("plugins/bad/l.so", "x")
        try root.bundle("plugins/good", name: "good")
        let factory = root.factory(["plugins"])
        factory.discover()
        let records = factory.planners()
        let bad = try #require(records.first { $0.path?.hasSuffix("/bad") == true })
        #expect(bad.status == .invalid)
        #expect(bad.name == listedAs)
        let reason = try #require(bad.reason)
        #expect(reason.contains(expected), "reason was: \(reason)")
        #expect(reason.contains("/plugins/bad"), "the reason names the file: \(reason)")
        #expect(records.first { $0.name == "good" }?.status == .active, "one bad bundle never stops the scan")
    }

    @Test func nonUTF8NameIsInvalid() throws {
        let root = try TemporaryFolder()
        let bytes = Array(#"{"name": "gr"#.utf8) + [0xFF, 0xFE] + Array(#"d", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#.utf8)
        try root.write("plugins/weird/planner.json", bytes: bytes)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.planners().first)
        #expect(record.status == .invalid)
        #expect(record.name == "weird")
        #expect(record.reason?.contains("not valid UTF-8") == true)
    }

    /// A folder name that is not UTF-8 is a name like any other (`PathBytes`): this folder is
    /// invalid for what it lacks, under its exact name.
    @Test func nonUTF8FolderNameIsListedUnderItsExactName() throws {
        let root = try TemporaryFolder()
        try root.folder("plugins")
        var path = Array((root.path + "/plugins/").utf8) + [0x66, 0xFF, 0x6F]
        path.append(0)
        #expect(path.withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) } == 0)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.planners().first)
        #expect(record.status == .invalid)
        #expect(PathBytes.bytes(of: record.name) == [0x66, 0xFF, 0x6F])
        #expect(record.reason?.contains("no planner.json in the bundle folder") == true, "\(record.reason ?? "")")
    }

    @Test func manifestOverOneMiBIsNotRead() throws {
        let root = try TemporaryFolder()
        let padding = String(repeating: " ", count: PlannerManifest.maximumSize)
        try root.write("plugins/huge/planner.json", #"{"name": "huge", "version": "1.0.0"}"# + padding)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.planners().first)
        #expect(record.status == .invalid)
        #expect(record.reason?.contains("limited to 1 MiB") == true)
    }

    @Test func symlinkLoopsAreInvalid() throws {
        let root = try TemporaryFolder()
        try root.folder("plugins")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/loop", withDestinationPath: root.path + "/plugins/loop")
        try root.folder("plugins/manifest-loop")
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/plugins/manifest-loop/planner.json", withDestinationPath: "planner.json")
        try root.bundle("plugins/library-loop", name: "library-loop", library: "l.so", createLibrary: false)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/library-loop/l.so", withDestinationPath: "l.so")
        let factory = root.factory(["plugins"])
        factory.discover()
        let reasons = Dictionary(uniqueKeysWithValues: factory.planners().map { ($0.name, $0.reason ?? "") })
        #expect(reasons["loop"]?.contains("symbolic link loop") == true, "\(reasons)")
        #expect(reasons["manifest-loop"]?.contains("symbolic link loop") == true, "\(reasons)")
        #expect(reasons["library-loop"]?.contains("symbolic link loop") == true, "\(reasons)")
    }

    @Test func libraryLinkLeavingTheBundleIsInvalid() throws {
        let root = try TemporaryFolder()
        try root.write("elsewhere/libevil.so", "x")
        try root.bundle("plugins/sneaky", name: "sneaky", library: "lib/libplanner.so", createLibrary: false)
        try root.folder("plugins/sneaky/lib")
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/plugins/sneaky/lib/libplanner.so", withDestinationPath: root.path + "/elsewhere/libevil.so")
        try root.bundle("plugins/inside", name: "inside", library: "libreal.so")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/inside/liblink.so", withDestinationPath: "libreal.so")
        try root.write("plugins/inside/planner.json", #"{"name": "inside", "version": "1.0.0", "entry": {"kind": "dylib", "library": "liblink.so"}}"#)
        let factory = root.factory(["plugins"])
        factory.discover()
        let sneaky = try #require(factory.record(named: "sneaky"))
        #expect(sneaky.status == .invalid)
        #expect(sneaky.reason?.contains("outside the bundle folder") == true, "\(sneaky.reason ?? "")")
        #expect(factory.record(named: "inside")?.status == .active, "a link that stays inside is fine")
    }

    @Test func folderWithoutManifestAndMissingSearchPath() throws {
        let root = try TemporaryFolder()
        try root.folder("plugins/empty")
        try root.write("plugins/README.txt", "plain files are not bundles")
        try root.folder("plugins/.hidden")
        let factory = root.factory(["plugins", "nowhere"])
        let report = factory.discover()
        let records = factory.planners()
        #expect(records.count == 1)
        #expect(records.first?.reason?.contains("no planner.json") == true)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("/nowhere\" does not exist") == true)
    }

    @Test func unknownFieldsAreKeptAsWarnings() throws {
        let root = try TemporaryFolder()
        try root.write("plugins/p/planner.json", """
            {"name": "p", "version": "1.2.3-beta.1+build.5", "author": "ada", "x-extra": {"a": 1},
             "capabilities": [" Grid ", "grid", "ROUTE"], "entry": {"kind": "dylib", "library": "./lib/p.so"}}
            """)
        try root.write("plugins/p/lib/p.so", "x")
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.record(named: "p"))
        #expect(record.status == .active)
        #expect(record.capabilities == ["grid", "route"])
        #expect(record.unknownFields["author"] == "ada")
        #expect(record.warnings.count == 2)
        #expect(record.warnings.allSatisfy { $0.contains("unknown field") })
    }
}

import Foundation
import Testing
@testable import PlannerFactory

extension TemporaryFolder {
    /// Writes a bundle `relative` with a process entry running `command`, and (unless `program`
    /// is `nil`) the program file with `mode`.
    @discardableResult
    func processBundle(
        _ relative: String, name: String, command: [String] = ["./planner.py"], environment: String = "{}",
        program: String? = "planner.py", mode: mode_t = 0o755, isolation: Bool = false
    ) throws -> String {
        let commandText = command.map { "\"\($0)\"" }.joined(separator: ", ")
        try write("\(relative)/planner.json", """
            {"name": "\(name)", "version": "1.0.0", "capabilities": ["grid"],
             "entry": {"kind": "process", "command": [\(commandText)], "environment": \(environment)}\(isolation ? #", "isolation": "process""# : "")}
            """)
        if let program {
            let path = try write("\(relative)/\(program)", "#!/bin/sh\necho planning\n")
            #expect(chmod(path, mode) == 0)
        }
        return path + "/" + relative
    }

    /// Rewrites a file in place (same inode) with new contents.
    func rewrite(_ relative: String, _ contents: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path + "/" + relative))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(contents.utf8))
        handle.closeFile()
    }
}

/// Process bundles at discovery: the program is checked without running it, and the fast
/// fingerprint covers every bundle file the command names.
@Suite struct ProcessBundleTests {
    @Test func aValidProcessBundleIsActiveWithItsCommand() throws {
        let root = try TemporaryFolder()
        try root.processBundle(
            "plugins/py", name: "grid-astar-py", command: ["./planner.py", "--fast"], environment: #"{"KEY": "value"}"#,
            isolation: true)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.record(named: "grid-astar-py"))
        #expect(record.status == .active, "\(record.reason ?? "")")
        #expect(record.kind == .process)
        #expect(record.kind.isPlugin)
        #expect(record.command == ["./planner.py", "--fast"])
        #expect(record.environment == ["KEY": "value"])
        #expect(record.library == "./planner.py")
        #expect(record.requiresProcessIsolation)
        #expect(record.json["isolation"] == "process")
        #expect(record.json["command"] == ["./planner.py", "--fast"])
    }

    @Test(arguments: [["/nonexistent/bin/python3", "planner.py"], ["no-such-program-on-path", "--flag"]])
    func absoluteAndBareProgramsAreNotCheckedAtDiscovery(command: [String]) throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p", command: command, program: nil)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.record(named: "p"))
        #expect(record.status == .active, "\(record.reason ?? "")")
        #expect(record.library == nil)
        #expect(record.command == command)
        #expect(!record.requiresProcessIsolation)
    }

    @Test func aMissingProgramMakesTheBundleInvalid() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p", program: nil)
        try root.processBundle("plugins/q", name: "q", command: ["bin/run"], program: nil)
        let factory = root.factory(["plugins"])
        factory.discover()
        for name in ["p", "q"] {
            let record = try #require(factory.record(named: name))
            #expect(record.status == .invalid)
            let reason = try #require(record.reason)
            #expect(reason.contains(root.path + "/plugins/\(name)/planner.json: field \"entry.command[0]\""), "\(reason)")
            #expect(reason.contains("does not exist in the bundle"), "\(reason)")
        }
    }

    @Test func aProgramWithoutExecuteBitIsInvalid() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p", mode: 0o644)
        let factory = root.factory(["plugins"])
        factory.discover()
        let record = try #require(factory.record(named: "p"))
        #expect(record.status == .invalid)
        #expect(record.reason?.contains(#""./planner.py" is not executable (mode 644)"#) == true, "\(record.reason ?? "")")

        // Any execute bit will do; the change is seen (chmod changes neither size nor time).
        #expect(chmod(root.path + "/plugins/p/planner.py", 0o614) == 0)
        #expect(factory.rediscover().changed == [root.path + "/plugins/p"])
        #expect(factory.record(named: "p")?.status == .active)
    }

    @Test func aProgramLeavingTheBundleOrNotAFileIsInvalid() throws {
        let root = try TemporaryFolder()
        let outside = try root.write("elsewhere/evil.sh", "#!/bin/sh\n")
        #expect(chmod(outside, 0o755) == 0)
        try root.processBundle("plugins/sneaky", name: "sneaky", command: ["bin/run"], program: nil)
        try root.folder("plugins/sneaky/bin")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/sneaky/bin/run", withDestinationPath: outside)
        try root.processBundle("plugins/folder", name: "folder", command: ["./tool"], program: nil)
        try root.folder("plugins/folder/tool")
        try root.processBundle("plugins/inside", name: "inside", command: ["./run"])
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/inside/run", withDestinationPath: "planner.py")
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.record(named: "sneaky")?.reason?.contains("outside the bundle folder") == true)
        #expect(factory.record(named: "folder")?.reason?.contains(#""./tool" is a folder, not a program file"#) == true)
        #expect(factory.record(named: "inside")?.status == .active, "a link that stays inside is fine")
    }

    @Test func aProcessPluginIsPendingWithTheSandboxOn() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p")
        let factory = root.factory(["plugins"], sandbox: true)
        factory.discover()
        #expect(factory.record(named: "p")?.status == .pending)
        let unsandboxed = root.factory(["plugins"], sandbox: false)
        unsandboxed.discover()
        #expect(unsandboxed.record(named: "p")?.status == .active)
    }
}

/// The fast fingerprint of a process bundle, and rediscovery.
@Suite struct ProcessFingerprintTests {
    static func scan(_ root: TemporaryFolder, _ relative: String, deep: Bool = false) -> (ScannedBundle, BundleScanner) {
        let path = root.path + "/" + relative
        let slash = path.lastIndex(of: "/")!
        let location = BundleLocation(
            searchIndex: 0, searchFolder: String(path[..<slash]), folderName: String(path[path.index(after: slash)...]),
            path: path, listingProblem: nil)
        let scanner = BundleScanner(isDeep: deep)
        return (scanner.scan(location), scanner)
    }

    @Test func theFastFingerprintCoversTheScriptAndArgumentFilesOnly() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p", command: ["python3", "planner.py", "--model", "data/model.txt", "--fast"])
        try root.write("plugins/p/data/model.txt", "weights")
        try root.write("plugins/p/README", "docs")
        let (bundle, scanner) = Self.scan(root, "plugins/p")
        #expect(bundle.record.status == .active, "\(bundle.record.reason ?? "")")
        #expect(bundle.commandFiles == ["planner.py", "data/model.txt"])
        #expect(scanner.currentFingerprint(of: bundle) == bundle.fingerprint)

        try root.rewrite("plugins/p/README", "other docs, longer")
        #expect(scanner.currentFingerprint(of: bundle) == bundle.fingerprint, "an unrelated file is no change")
        try root.rewrite("plugins/p/planner.py", "#!/bin/sh\necho a new planner\n")
        let afterScript = scanner.currentFingerprint(of: bundle)
        #expect(afterScript != bundle.fingerprint)
        try root.rewrite("plugins/p/data/model.txt", "new weights")
        #expect(scanner.currentFingerprint(of: bundle) != afterScript, "an argument naming a bundle file is covered")
    }

    @Test func currentFingerprintReproducesTheScanForEveryShape() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/a", name: "a")
        try root.processBundle("plugins/b", name: "b", command: ["bin/run", "../outside.txt", "/etc/hostname"], program: "bin/run")
        try root.processBundle("plugins/c", name: "c", command: ["./run"], program: nil)  // missing
        try root.processBundle("plugins/d", name: "d", command: ["./run"], program: nil)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/d/run", withDestinationPath: "nowhere")
        try root.processBundle("plugins/e", name: "e", command: ["sh", "./planner.py", "planner.py"])
        for name in ["a", "b", "c", "d", "e"] {
            for deep in [false, true] {
                let (bundle, scanner) = Self.scan(root, "plugins/\(name)", deep: deep)
                #expect(scanner.currentFingerprint(of: bundle) == bundle.fingerprint, "\(name), deep \(deep)")
            }
        }
        #expect(Self.scan(root, "plugins/b").0.commandFiles == ["bin/run"], "no file outside the bundle is covered")
        #expect(Self.scan(root, "plugins/b").0.isWatchable == false, "a program in a sub-folder")
        #expect(Self.scan(root, "plugins/a").0.isWatchable)
        #expect(Self.scan(root, "plugins/d").0.isWatchable == false, "a link")
        #expect(Self.scan(root, "plugins/e").0.commandFiles == ["./planner.py", "planner.py"])
    }

    @Test func rediscoverySeesTheScriptChange() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p", command: ["sh", "planner.py"])
        try root.processBundle("plugins/q", name: "q", command: ["bin/run"], program: "bin/run")
        let factory = root.factory(["plugins"])
        factory.discover()
        let before = factory.record(named: "p")?.fingerprint
        factory.rediscover()
        #expect(factory.rediscover().isFromChangeNotification)

        try root.write("plugins/p/notes.txt", "unrelated")
        let unrelated = factory.rediscover()
        #expect(unrelated.changed.isEmpty)
        #expect(factory.record(named: "p")?.fingerprint == before)

        try root.rewrite("plugins/p/planner.py", "#!/bin/sh\necho changed\n")
        let report = factory.rediscover()
        #expect(!report.isFromChangeNotification)
        #expect(report.changed == [root.path + "/plugins/p"])
        #expect(factory.record(named: "p")?.fingerprint != before)
        #expect(factory.rediscover().isFromChangeNotification)

        // A program in a sub-folder: no folder watch covers it, so it is checked by stat.
        try root.rewrite("plugins/q/bin/run", "#!/bin/sh\necho a longer new program\n")
        #expect(factory.rediscover().changed == [root.path + "/plugins/q"])
    }

    @Test func deepModeSeesEveryFile() throws {
        let root = try TemporaryFolder()
        try root.processBundle("plugins/p", name: "p")
        let factory = root.factory(["plugins"], deep: true)
        factory.discover()
        try root.write("plugins/p/lib/helper.py", "def helper(): pass")
        #expect(factory.rediscover().changed == [root.path + "/plugins/p"])
    }
}

import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// The real `factory` on bundles that attack the copy of their libraries (issue 9, items 1–3):
/// every probing command returns (each run has a deadline, so a regression fails instead of
/// hanging), the hostile plugin is quarantined with a reason naming its file, and a clean plugin
/// beside it works. The hostile plugin is named so that it would win every tie if it were active.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct HostileBundleCommandTests {
    /// A plugin folder with `clean` and the hostile `aaa-hostile` (in `hostile/`), a state folder.
    final class Setup: Sendable {
        let plugins: PluginFolder
        let state: String
        var hostile: String { plugins.path + "/hostile" }

        init() throws {
            plugins = try PluginFolder()
            state = plugins.path + "-state"
            try HostileBundle.good(plugins.path + "/clean", name: "clean")
            try HostileBundle.good(plugins.path + "/hostile", name: "aaa-hostile")
        }

        deinit { try? FileManager.default.removeItem(atPath: state) }

        /// Runs `factory` with the plugin path and state folder, under a deadline.
        func run(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws -> Deadline.ProcessResult {
            let base = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_PLUGIN_PATH": plugins.path, "FACTORY_STATE_DIR": state]
            let result = try Deadline.runProcess(prefix + [FactoryBinary.path] + arguments, environment: base.merging(environment) { _, given in given })
            return try #require(result, "factory \(arguments.joined(separator: " ")) did not return")
        }

        /// `factory list --json`: the status and reason of each planner.
        func list(environment: [String: String] = [:], prefix: [String] = []) throws -> [String: (status: String, reason: String)] {
            let result = try run(["list", "--json"], environment: environment, prefix: prefix)
            #expect(result.status == 0, "\(result.standardError)")
            let rows = try JSONValue(parsing: result.standardOutput)["planners"]?.arrayValue ?? []
            return Dictionary(uniqueKeysWithValues: rows.map {
                ($0["name"]?.stringValue ?? "", ($0["status"]?.stringValue ?? "", $0["reason"]?.stringValue ?? ""))
            })
        }
    }

    @Test func aFIFOHangsNoProbingCommand() throws {
        let setup = try Setup()
        try HostileBundle.fifo(setup.hostile + "/pipe")
        try HostileBundle.link(setup.hostile + "/libextra.so", to: "pipe")

        let rows = try setup.list()
        #expect(rows["aaa-hostile"]?.status == "quarantined")
        #expect(rows["aaa-hostile"]?.reason == "not-a-regular-file: libextra.so (a link to pipe) is a FIFO, not a regular file")
        #expect(rows["clean"]?.status == "active")

        let select = try setup.run(["select", "--capabilities", "x", "--json"])
        #expect(select.status == 0, "\(select.standardError)")
        #expect(try JSONValue(parsing: select.standardOutput)["winner"]?["name"] == "clean")

        let plan = try setup.run(["plan", "--capabilities", "x", "--objective", "go", "--json"])
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(try JSONValue(parsing: plan.standardOutput)["planner"] == "clean")

        let validate = try setup.run(["validate", setup.hostile])
        #expect(validate.status == 3)
        #expect(validate.standardOutput.contains("libextra.so (a link to pipe) is a FIFO, not a regular file"))
    }

    /// A FIFO probed in a fresh state folder by each command first (no earlier `list` saved its
    /// quarantine).
    @Test(arguments: [["select", "--capabilities", "x"], ["plan", "--capabilities", "x", "--objective", "go"], ["rank", "--capabilities", "x"]])
    func eachProbingCommandReturnsOnAFreshStateFolder(arguments: [String]) throws {
        let setup = try Setup()
        try HostileBundle.fifo(setup.hostile + "/libextra.so.3")
        let result = try setup.run(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try setup.list(environment: [:])["aaa-hostile"]?.reason == "not-a-regular-file: libextra.so.3 is a FIFO, not a regular file")
    }

    @Test func aLinkToDevZeroOrOutsideTheBundleIsNotCopied() throws {
        let setup = try Setup()
        try HostileBundle.link(setup.hostile + "/libzero.so", to: "/dev/zero")
        let rows = try setup.list()
        #expect(rows["aaa-hostile"]?.reason == "outside-the-bundle: libzero.so resolves outside the bundle, to /dev/zero")
        #expect(rows["clean"]?.status == "active")

        let other = try Setup()
        let secret = other.plugins.path + "-secret"
        try "TOP-SECRET-0815".write(toFile: secret, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        try HostileBundle.link(other.hostile + "/libsecret.so", to: secret)
        let leaked = try other.list()
        #expect(leaked["aaa-hostile"]?.reason.hasPrefix("outside-the-bundle: libsecret.so resolves outside the bundle, to ") == true)
        #expect(HostileBundle.files(below: other.state, containing: "TOP-SECRET-0815").isEmpty)
    }

    @Test func aSparseFilePastTheCopyLimitIsRefusedByEnvironmentAndByFlag() throws {
        let setup = try Setup()
        try HostileBundle.sparse(setup.hostile + "/libbig.so", size: 300_000_000)
        let rows = try setup.list(environment: ["FACTORY_MAX_COPY_BYTES": "64M"])
        #expect(rows["aaa-hostile"]?.reason == "library-files-too-large: libbig.so (300000000 bytes) takes the bundle's library files past the copy limit of 64M (FACTORY_MAX_COPY_BYTES)")
        #expect(rows["clean"]?.status == "active")
        #expect(HostileBundle.entries(of: setup.state + "/libraries").count == 1, "only the clean plugin's copy")

        let flagged = try Setup()
        try HostileBundle.sparse(flagged.hostile + "/libbig.so", size: 3 << 20)
        let result = try flagged.run(["list", "--json", "--max-copy-bytes", "2M"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("past the copy limit of 2M (FACTORY_MAX_COPY_BYTES)"))

        let config = try flagged.run(["config", "--json", "--max-copy-bytes", "2M"])
        #expect(try JSONValue(parsing: config.standardOutput)["FACTORY_MAX_COPY_BYTES"]?["value"] == 2_097_152)
        let help = try flagged.run(["list", "--help"])
        #expect(help.standardOutput.contains("--max-copy-bytes"))
    }

    /// No space left in the state folder while copying (a 12 KiB tmpfs in a mount namespace of
    /// the run's own) is not the plugin's fault: it stays pending, with a warning naming the cause,
    /// and becomes active once there is room.
    @Test(.enabled(if: HostTools.canUnshareMounts, "user and mount namespaces are denied here"))
    func aFullStateFolderLeavesThePluginPending() throws {
        let setup = try Setup()
        try FileManager.default.createDirectory(atPath: setup.state, withIntermediateDirectories: true)
        let mount = ["/usr/bin/unshare", "-Urm", "/bin/sh", "-c", #"mount -t tmpfs -o size=12k tmpfs "$0" && exec "$@""#, setup.state]
        let probe = try setup.run(["--version"], prefix: mount)
        try #require(probe.status == 0, "no mount namespace here: \(probe.standardError)")

        let full = try setup.run(["list", "--json"], prefix: mount)
        #expect(full.status == 0, "\(full.standardError)")
        let rows = (try JSONValue(parsing: full.standardOutput)["planners"]?.arrayValue ?? []).filter { $0["kind"] == "dylib" }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["status"] == "pending" }, "\(full.standardOutput)")
        #expect(full.standardError.contains("No space left on device") || full.standardOutput.contains("No space left on device"),
                "\(full.standardOutput) \(full.standardError)")

        let roomy = try setup.list()
        #expect(roomy["clean"]?.status == "active")
        #expect(roomy["aaa-hostile"]?.status == "active")
    }
}

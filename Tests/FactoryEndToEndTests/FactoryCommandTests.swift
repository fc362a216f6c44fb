import Foundation
import PlannerKit
import Testing

/// The real `factory` binary: output shapes, exit codes, errors.
@Suite struct FactoryCommandTests {
    @Test func listShowsBuiltinsThenBundlesAsJSON() throws {
        let plugins = try PluginFolder()
        try plugins.validBundle("a", name: "alpha", capabilities: ["grid"])
        try plugins.bundle("b", manifest: #"{"name": "beta"}"#)
        let result = try FactoryBinary.run(["list", "--json", "--no-sandbox", "--plugin-path", plugins.path + ":/does/not/exist"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try result.json()
        let rows = try #require(json["planners"]?.arrayValue)
        #expect(rows.count >= 4)
        #expect(rows.first?["kind"] == "builtin")
        #expect(rows.first?["path"] == .null)
        let alpha = try #require(rows.first { $0["name"] == "alpha" })
        #expect(alpha["status"] == "active")
        #expect(alpha["path"] == .string(plugins.path + "/a"))
        #expect(Set(alpha.objectValue?.keys.map { $0 } ?? []) == ["name", "version", "kind", "status", "reason", "capabilities", "path"])
        let beta = try #require(rows.first { $0["name"] == "beta" })
        #expect(beta["status"] == "invalid")
        #expect(beta["reason"]?.stringValue?.contains(#"field "version": is required"#) == true)
        #expect(json["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("/does/not/exist") == true } == true)
    }

    @Test func rankExplainsAndSelectExitsTwoWhenNothingFits() throws {
        let plugins = try PluginFolder()
        try plugins.validBundle("a", name: "alpha", capabilities: ["grid", "route"])
        let rank = try FactoryBinary.run(["rank", "--capabilities", "grid,route", "--objective", "route me", "--explain", "--limit", "2", "--json", "--no-sandbox", "--plugin-path", plugins.path])
        #expect(rank.status == 0)
        let rows = try #require(try rank.json()["candidates"]?.arrayValue)
        #expect(rows.count == 2)
        for key in ["score", "matchRatio", "missing", "selectable", "terms"] {
            #expect(rows[0][key] != nil, "rows have \(key)")
        }
        let select = try FactoryBinary.run(["select", "--capabilities", "teleport", "--plugin-path", plugins.path])
        #expect(select.status == 2)
        #expect(select.standardError.contains("No planner is selectable for capabilities [teleport]"))
    }

    @Test func selectRepeatPrintsTheProfile() throws {
        let result = try FactoryBinary.run(["select", "--capabilities", "grid", "--objective", "route from 0,0 to 2,2", "--repeat", "200", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try result.json()
        #expect(json["winner"]?["name"] == "grid-astar")
        #expect(json["profile"]?["count"] == 200)
        #expect(json["profile"]?["p99Microseconds"]?.numberValue != nil)
    }

    @Test func planRunsABuiltinPlanner() throws {
        let result = try FactoryBinary.run(["plan", "--objective", "route from 0,0 to 3,0", "--capabilities", "grid", "--param", "map=..../..../....", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = try Plan(json: try result.json())
        #expect(plan.planner == "grid-astar")
        #expect(plan.steps.count == 3)
        #expect(plan.cost == 3)
    }

    @Test func planFailureExitsThree() throws {
        let result = try FactoryBinary.run(["plan", "grid-astar", "--objective", "route from 0,0 to 99,99"])
        #expect(result.status == 3)
        #expect(result.standardError.contains("grid-astar"))
    }

    @Test func unknownPlannerExitsTwoWithSuggestion() throws {
        let result = try FactoryBinary.run(["show", "grid-astr", "--json"])
        #expect(result.status == 2)
        #expect(try result.json()["error"]?["code"] == "planner-not-found")
        #expect(result.standardError.contains("Did you mean \"grid-astar\"?"))
    }

    @Test(arguments: [
        (["list"], ["FACTORY_MIN_MATCH": "2"], "FACTORY_MIN_MATCH=\"2\""),
        (["list"], ["FACTORY_SANDBOX_TIMEOUT": "abc"], "FACTORY_SANDBOX_TIMEOUT=\"abc\""),
        (["list", "--telemetry-capacity", "0"], [:], "--telemetry-capacity=\"0\""),
        (["list", "--no-such-flag"], [:], "Unknown option"),
        (["rank", "--limit", "0"], [:], "--limit must be at least 1"),
        (["plan", "--objective", "x", "--config", "{oops"], [:], "--config is not valid JSON"),
        (["plan", "--objective", "x", "--param", "novalue"], [:], "key=value"),
    ])
    func usageAndConfigurationErrorsExitOne(arguments: [String], environment: [String: String], message: String) throws {
        let result = try FactoryBinary.run(arguments, environment: environment)
        #expect(result.status == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func configShowsSources() throws {
        let result = try FactoryBinary.run(["config", "--json", "--min-match", "0.5"], environment: ["FACTORY_TELEMETRY_CAPACITY": "9"])
        #expect(result.status == 0)
        let json = try result.json()
        #expect(json["FACTORY_MIN_MATCH"]?["source"] == "flag")
        #expect(json["FACTORY_TELEMETRY_CAPACITY"]?["source"] == "environment")
        #expect(json["FACTORY_TELEMETRY_CAPACITY"]?["value"] == 9)
        #expect(json["FACTORY_SANDBOX"]?["source"] == "default")
    }

    @Test func healthAndTelemetryAndVersion() throws {
        let health = try FactoryBinary.run(["health", "--json"])
        #expect(health.status == 0)
        #expect(try health.json()["status"] == "healthy")
        let telemetry = try FactoryBinary.run(["telemetry", "--selections", "50", "--capabilities", "blocks", "--json"])
        #expect(telemetry.status == 0)
        #expect(try telemetry.json()["selection"]?["count"] == 50)
        let version = try FactoryBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    /// An unreadable bundle folder is its own clear reason. Root reads everything, so the run
    /// drops privileges to `nobody` with setpriv.
    @Test func unreadableFolderIsInvalid() throws {
        let plugins = try PluginFolder()
        try plugins.validBundle("locked", name: "locked", capabilities: ["x"])
        try plugins.validBundle("open", name: "open", capabilities: ["x"])
        chmod(plugins.path + "/locked", 0o000)
        defer { chmod(plugins.path + "/locked", 0o755) }
        let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        // A state folder of its own, which `nobody` may read (the test run's shared one is root's:
        // with records that cannot be read, plugins stay pending even without the sandbox).
        let result = try FactoryBinary.run(
            ["list", "--json", "--no-sandbox", "--plugin-path", plugins.path, "--state-dir", plugins.path + "/state"], prefix: prefix)
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try result.json()["planners"]?.arrayValue)
        let locked = try #require(rows.first { $0["name"] == "locked" })
        #expect(locked["status"] == "invalid")
        #expect(locked["reason"]?.stringValue?.contains("permission denied") == true)
        #expect(rows.first { $0["name"] == "open" }?["status"] == "active")
    }
}

/// Output that cannot be written is a failure.
@Suite struct FactoryOutputTests {
    @Test func aFullDiskIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FactoryBinary.path)
        process.arguments = ["list", "--json"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full") as Any
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("could not write the output"))
    }
}

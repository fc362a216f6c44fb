import Foundation
import PlannerKit
import PlannerPluginABI
import PlannerTestSupport
import Testing

/// PlannerKit's article "Writing a Swift plugin" holds what it shows: its planner is the source of
/// the `SwiftShuttlePlugin` product, built with the package (the article's own package names it
/// `ShuttlePlugin`: a plugin's target may not share a name with one of PlannerFactory's); its
/// manifest, next to that library (under the manifest's name for it),
/// validates with the output the article prints; the descriptor equals the manifest field by field;
/// the plan's statistics and the ranking lines are what the article says.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct SwiftPluginArticleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
    static let articlePath = repository + "/Sources/PlannerKit/PlannerKit.docc/WritingASwiftPlugin.md"

    /// The article's fenced blocks of one language, in order.
    static func blocks(_ language: String) throws -> [String] {
        let lines = try String(contentsOfFile: articlePath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [String] = []
        var current: [Substring]?
        for line in lines {
            if current == nil, line == "```" + language {
                current = []
            } else if let block = current, line == "```" {
                blocks.append(block.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    static var library: String {
        URL(fileURLWithPath: FactoryBinary.path).deletingLastPathComponent().appendingPathComponent("libSwiftShuttlePlugin.so").path
    }

    /// A plugin folder holding `bundle/`: the article's manifest and the built library.
    static func plugins() throws -> PluginFolder {
        let plugins = try PluginFolder()
        let manifest = try #require(try blocks("json").first)
        try plugins.bundle("bundle", manifest: manifest, library: nil)
        try FileManager.default.copyItem(atPath: library, toPath: plugins.path + "/bundle/libShuttlePlugin.so")
        return plugins
    }

    @Test func thePlannerInTheArticleIsTheSourceThatIsBuilt() throws {
        let source = try String(contentsOfFile: Self.repository + "/Sources/SwiftShuttlePlugin/ShuttlePlanner.swift", encoding: .utf8)
        let planner = try #require(try Self.blocks("swift").first { $0.hasPrefix("import PlannerKit") })
        #expect(planner + "\n" == source)
        #expect(FileManager.default.fileExists(atPath: Self.library), "the package builds the SwiftShuttlePlugin product")
    }

    @Test func validateGivesTheArticlesOutput() throws {
        let plugins = try Self.plugins()
        let result = try FactoryBinary.run(
            ["validate", plugins.path + "/bundle", "--objective", "from 2 to 9", "--param", "stride=3", "--state-dir", plugins.path + "/.factory-state"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let shown = try #require(try Self.blocks("text").first)
        #expect(result.standardOutput.replacing(plugins.path + "/bundle", with: "bundle") == shown + "\n")
        let state = try FileManager.default.contentsOfDirectory(atPath: plugins.path + "/.factory-state")
        #expect(state.contains("libraries"), "the probed copy is in the state folder given")
    }

    @Test func withoutAnObjectiveCreateAndPlanAreSkipped() throws {
        let plugins = try Self.plugins()
        let result = try FactoryBinary.run(["validate", plugins.path + "/bundle", "--state-dir", plugins.path + "/.factory-state"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("  skipped create               skipped: give an objective to create an instance and plan once"))
        let json = try FactoryBinary.run(["validate", plugins.path + "/bundle", "--json", "--state-dir", plugins.path + "/.factory-state"]).json()
        let checks = try #require(json["checks"]?.arrayValue)
        #expect(checks.map { $0["check"] } == ["manifest", "load and describe", "descriptor", "create"], "no plan check")
        #expect(checks.last?["passed"] == .null, "create is skipped, not passed")
    }

    @Test func theDescriptorEqualsTheManifestFieldByField() throws {
        let manifest = try JSONValue(parsing: try #require(try Self.blocks("json").first))
        let handle = try #require(dlopen(Self.library, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))
        let entry = unsafeBitCast(try #require(dlsym(handle, "planner_plugin_entry")), to: planner_plugin_entry_function.self)
        let table = try #require(entry()).pointee
        let text = try #require(table.describe())
        defer { table.free_string(text) }
        let descriptor = try JSONValue(parsing: String(cString: text))
        for field in ["name", "version", "summary", "capabilities", "keywords", "rank", "boosts", "threadSafe"] {
            #expect(descriptor[field] == manifest[field], "\(field)")
        }
    }

    @Test func thePlanAndTheRankingAreTheArticles() throws {
        let plugins = try Self.plugins()
        let state = plugins.path + "/.factory-state"
        let plan = try FactoryBinary.run(
            ["plan", "shuttle-swift", "--objective", "from 2 to 9", "--param", "stride=3", "--json", "--plugin-path", plugins.path, "--state-dir", state])
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(try plan.json() == JSONValue(parsing: try Self.blocks("json")[1]))

        let rank = try FactoryBinary.run(
            ["rank", "--capabilities", "route", "--objective", "express shuttle from 2 to 9", "--explain", "--plugin-path", plugins.path, "--state-dir", state])
        #expect(rank.status == 0)
        let lines = try #require(try Self.blocks("text").dropFirst().first).split(separator: "\n").map { $0.drop { $0 != " " } }
        for line in lines {
            #expect(rank.standardOutput.contains(line), "\(line)")
        }

        let failed = try FactoryBinary.run(
            ["plan", "shuttle-swift", "--objective", "from 2 to 9", "--param", "stride=0", "--json", "--plugin-path", plugins.path, "--state-dir", state])
        #expect(failed.status == 3)
        #expect(failed.standardError.contains(#"error: Planner "shuttle-swift" could not plan for "from 2 to 9": the parameter stride must be a whole number above 0"#))
        #expect(try failed.json()["error"]?["context"]?["code"] == "invalid-objective")
    }
}

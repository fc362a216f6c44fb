import Foundation
import PlannerKit
import Testing

/// Errors about huge inputs name them in part: a request of 15,000 capabilities or an objective
/// of 120,000 characters is not printed back whole (JSON keeps what it must).
@Suite struct LongInputTests {
    @Test func aSelectionErrorNamesTheFirstCapabilitiesOfAHugeRequest() throws {
        let state = try PluginFolder()
        let capabilities = (0..<15_000).map { "c\($0)" }.joined(separator: ",")
        let selected = try FactoryBinary.run(["select", "--capabilities", capabilities, "--no-probe", "--state-dir", state.path])
        #expect(selected.status == 2)
        #expect(selected.standardError.contains("capabilities [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 14990 more]"), "\(selected.standardError.prefix(500))")
        #expect(selected.standardError.contains("(missing: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 14990 more)"))
        #expect(selected.standardError.utf8.count < 4_000)
    }

    @Test func aPlanErrorCutsAHugeObjectiveAndThePlannersMessage() throws {
        let state = try PluginFolder()
        let objective = String(repeating: "x", count: 120_000)
        let planned = try FactoryBinary.run(["plan", "grid-astar", "--objective", objective, "--no-probe", "--state-dir", state.path])
        #expect(planned.status == 3)
        #expect(planned.standardError.contains("could not plan for \"" + String(repeating: "x", count: 200) + "…\""), "\(planned.standardError.prefix(300))")
        #expect(planned.standardError.utf8.count < 5_000)
        let json = try FactoryBinary.run(["plan", "grid-astar", "--objective", objective, "--json", "--no-probe", "--state-dir", state.path])
        #expect(try json.json()["error"]?["context"]?["objective"]?.stringValue?.count == 120_000, "the JSON context keeps it whole")
    }

    /// A process plugin whose program never answers its handshake: the reason says so, in a
    /// process plugin's terms (not "while loading or describing", a library's).
    @Test func aProcessPluginThatNeverHandsShakesIsNamedInItsOwnTerms() throws {
        let plugins = try PluginFolder()
        let bundle = plugins.path + "/mute"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try "#!/bin/sh\nexec sleep 30\n".write(toFile: bundle + "/planner.sh", atomically: false, encoding: .utf8)
        chmod(bundle + "/planner.sh", 0o755)
        try #"{"name": "mute", "version": "1.0.0", "capabilities": ["x"], "entry": {"kind": "process", "command": ["./planner.sh"]}}"#
            .write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        let state = try PluginFolder()
        let listed = try FactoryBinary.run(["list", "--json", "--plugin-path", plugins.path, "--state-dir", state.path, "--sandbox-timeout", "0.3"])
        let row = try listed.json()["planners"]?.arrayValue?.first { $0["name"] == "mute" }
        #expect(row?["status"] == "quarantined")
        #expect(row?["reason"]?.stringValue == "the probe did not finish within 0.3 s (no handshake from its program: a hang while starting)")
    }
}

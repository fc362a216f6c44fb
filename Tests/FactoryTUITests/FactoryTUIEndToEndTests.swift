import Foundation
import PlannerTestSupport
import Testing

/// The real `factory-tui` binary in tmux, on the built example plugins (fault gallery included):
/// it probes in the background, ranks as an objective is typed, runs a burst, shows the help, and
/// quits with the terminal restored.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct FactoryTUIEndToEndTests {
    static func start(width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws -> (Tmux, String) {
        var template = Array("/tmp/factory-tui-e2e.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let state = String(cString: made)
        let tmux = try Tmux(
            command: [BuildProducts.path(of: "factory-tui"), "--sandbox-timeout", "2"], width: width, height: height,
            environment: ["FACTORY_STATE_DIR": state, "FACTORY_PLUGIN_PATH": ExamplePlugins.folder, "FACTORY_TUI_FREEZE": "1"]
                .merging(environment) { $1 })
        return (tmux, state)
    }

    @Test func aSessionProbesRanksBurstsAndQuitsCleanly() async throws {
        let (tmux, state) = try Self.start()
        defer { try? FileManager.default.removeItem(atPath: state) }
        // Probing runs in the background; the hangs of the fault gallery take their deadline.
        let probed = try await tmux.waitFor(text: "Probed 26 plugin(s)", timeout: .seconds(60))
        #expect(probed.contains("✖ fault-hang-entry"))
        if !Sanitizer.isThreadSanitizerActive {  // there, the instrumented Swift plugins cannot load into the probe
            #expect(probed.contains("16 quarantined"))
        }

        try tmux.sendKeys("/")
        try tmux.sendKeys("route from 0,0 to 7,3", literal: true)
        try tmux.sendKeys("Tab")
        try tmux.sendKeys("grid, fast", literal: true)
        let ranked = try await tmux.waitFor(text: "1 selectable")
        #expect(ranked.contains("1   ● grid-greedy-c"), "the only planner with both capabilities ranks first")
        #expect(ranked.contains("Why grid-greedy-c"))

        try tmux.sendKeys("Escape", "b")
        let burst = try await tmux.waitFor(text: "Burst: 1000 selections (0 failed)", timeout: .seconds(60))
        #expect(burst.contains("selections 1000"), "frozen: the count, not the times")

        try tmux.sendKeys("?")
        try await tmux.waitFor(text: "factory-tui keys")
        try tmux.sendKeys("Escape")
        try await tmux.waitFor("the help to close") { !$0.contains("factory-tui keys") }

        try tmux.sendKeys("q")
        #expect(try await tmux.exitCode() == 0)
        #expect(try tmux.isAlternateScreenOn == false, "the terminal was restored")
        let log = try String(contentsOfFile: state + "/factory-tui.log", encoding: .utf8)
        #expect(log.contains("factory-tui starting"), "logs go to the state folder, not the screen")
    }

    @Test func ctrlCQuitsAndRestoresTheTerminalAndResizeIsFollowed() async throws {
        let (tmux, state) = try Self.start(width: 100, height: 30, environment: ["NO_COLOR": "1"])
        defer { try? FileManager.default.removeItem(atPath: state) }
        try await tmux.waitFor(text: "Planners")
        let screen = try tmux.capture(ansi: true)
        // A foreground colour is SGR 30-37, 90-97 or 38;5/38;2 (39 only resets to the default).
        #expect(!screen.contains(/\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25])[;m]/), "NO_COLOR: attributes only, no colours")
        #expect(screen.contains("\u{1b}[1m") || screen.contains(";1m"), "attributes (bold) are still drawn")
        try tmux.resize(width: 70, height: 20)
        try await tmux.waitFor(text: "factory-tui needs at least 80×24")
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitFor(text: "Planners")
        try tmux.sendKeys("/")
        try tmux.sendKeys("C-c")
        #expect(try await tmux.exitCode() == 0)
        #expect(try tmux.isAlternateScreenOn == false)
    }
}

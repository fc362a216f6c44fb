import Foundation
import PlannerTestSupport
import Testing

/// The real `factory-tui` in tmux never goes down because of a plugin: Enter on each call-time
/// fault of the gallery shows the error, a hung plan shows its elapsed time and Esc cancels it,
/// and h, r and b still work afterwards.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "crash signals are for the uninstrumented build"))
struct FactoryTUIFaultTests {
    /// Highlights `planner` in the planner list (the list has the focus at start).
    static func highlight(_ planner: String, in tmux: Tmux) async throws {
        try tmux.sendKeys("g")
        for _ in 0..<60 {
            if try tmux.capture().contains("─ \(planner) ─") { return }
            try tmux.sendKeys("j")
            try await Task.sleep(for: .milliseconds(30))
        }
        Issue.record("\(planner) could not be highlighted")
    }

    @Test func pluginFaultsNeverTakeTheTUIDown() async throws {
        let state = NSTemporaryDirectory() + "factory-tui-faults-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try Tmux(
            command: [BuildProducts.path(of: "factory-tui"), "--sandbox-timeout", "2"], width: 160, height: 45,
            environment: ["FACTORY_STATE_DIR": state, "FACTORY_PLUGIN_PATH": ExamplePlugins.folder, "FACTORY_TUI_FREEZE": "1"])
        try await tmux.waitFor(text: "Probed 26 plugin(s)", timeout: .seconds(60))
        try tmux.sendKeys("/")
        try tmux.sendKeys("x", literal: true)
        try tmux.sendKeys("Enter")

        for (planner, message) in [
            ("fault-abort-create", "crashed with SIGABRT during create"),
            ("fault-crash-plan", "crashed with SIGSEGV during plan"),
            ("fault-exit-plan", "exited with code 0 during plan"),
            ("fault-stdout-constructor", "1. nothing to do"),
            ("echo-py", "1. x"),
        ] {
            try await Self.highlight(planner, in: tmux)
            try tmux.sendKeys("Enter")
            let screen = try await tmux.waitFor(text: message, timeout: .seconds(20))
            #expect(screen.contains("\(planner) on \"x\""))
            try tmux.sendKeys("Escape")
        }

        // A hung plan: its elapsed time shows, h reports it busy, Esc cancels it.
        try await Self.highlight("fault-hang-plan", in: tmux)
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(text: "planning with fault-hang-plan", timeout: .seconds(10))
        try await tmux.waitFor(text: "busy in plan", timeout: .seconds(10))
        try tmux.sendKeys("h")
        try await tmux.waitFor(text: "Health: ", timeout: .seconds(30))
        try tmux.sendKeys("Escape")
        try await tmux.waitFor(text: "was cancelled", timeout: .seconds(5))
        try tmux.sendKeys("Escape")

        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "Rediscovered", timeout: .seconds(20))
        try tmux.sendKeys("b")
        try await tmux.waitFor(text: "Burst: 1000 selections", timeout: .seconds(60))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitCode() == 0)
        let left = LivingProcesses.matching { $0.contains("factory-host") && $0.contains(state) }
        #expect(left.isEmpty, "left running: \(left)")
    }
}

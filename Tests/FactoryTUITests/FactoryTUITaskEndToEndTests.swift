import Foundation
import PlannerTestSupport
import Testing

/// The real `factory-tui` binary in tmux on a PDDL task, with the Fast Downward bundles of
/// `scripts/install-planners` on the plugin path: started with `--domain/--problem`, it shows the
/// derived capabilities and ranks the PDDL planners first; `Enter` runs the top one and shows the
/// validated plan; a bad path in the form `t` opens is an error that keeps the task; `P` runs a
/// portfolio and shows every planner's outcome.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed"),
       .enabled(if: InstalledPlanners.shouldRun(["fd-lama-first"]), Comment(rawValue: InstalledPlanners.skipReason)))
struct FactoryTUITaskEndToEndTests {
    static let blocks = InstalledPlanners.repository + "/examples/pddl/blocks"

    @Test func aTaskIsRankedPlannedValidatedAndRunAsAPortfolio() async throws {
        var template = Array("/tmp/factory-tui-e2e.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let state = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try Tmux(
            command: [BuildProducts.path(of: "factory-tui"), "--domain", Self.blocks + "/domain.pddl", "--problem", Self.blocks + "/p01.pddl"],
            width: 120, height: 40,
            environment: ["FACTORY_STATE_DIR": state, "FACTORY_PLUGIN_PATH": InstalledPlanners.bundles, "FACTORY_TUI_FREEZE": "1"])

        let loaded = try await tmux.waitFor(text: "capabilities  pddl, pddl:strips", timeout: .seconds(30))
        #expect(loaded.contains("Task blocks-p01 of blocks"))
        #expect(loaded.contains("objective     problem blocks-p01 of domain blocks"))
        #expect(loaded.contains("4 objects · 4 action schemas"))
        let ranked = try await tmux.waitFor(text: "1   ● fd-lama-first")
        #expect(ranked.contains("100%  selectable"))

        try tmux.sendKeys("Enter")
        let planned = try await tmux.waitFor(text: "✓ valid (cost", timeout: .seconds(60))
        #expect(planned.contains("fd-lama-first on \"problem blocks-p01 of domain blocks\""))
        #expect(planned.contains("1. ("), "the steps, as ground actions")
        #expect(planned.contains("Statistics"))

        try tmux.sendKeys("Escape")
        try await tmux.waitFor("the result to close") { !$0.contains("✓ valid") }
        try tmux.sendKeys("t")
        try await tmux.waitFor(text: "Load a PDDL task")
        try tmux.sendKeys("C-u")
        try tmux.sendKeys("/nonexistent/domain.pddl", literal: true)
        try tmux.sendKeys("Enter")
        let failed = try await tmux.waitFor(text: "The domain file /nonexistent/domain.pddl cannot be read")
        #expect(failed.contains("Task blocks-p01 of blocks"), "the task loaded before stays")

        try tmux.sendKeys("P")
        let portfolio = try await tmux.waitFor(text: "Portfolio: ", timeout: .seconds(90))
        #expect(portfolio.contains("portfolio of 3 on \"problem blocks-p01 of domain blocks\""))
        #expect(portfolio.contains("planner") && portfolio.contains("outcome") && portfolio.contains("seconds"))
        #expect(portfolio.contains(" won "), "the winner's row")
        #expect(portfolio.contains("✓ valid (cost"))

        try tmux.sendKeys("Escape")
        try await tmux.waitFor("the result to close") { !$0.contains("Portfolio: ") }
        try tmux.sendKeys("q")
        #expect(try await tmux.exitCode() == 0)
        #expect(try tmux.isAlternateScreenOn == false)
    }
}

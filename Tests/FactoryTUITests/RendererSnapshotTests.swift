import Foundation
import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// Whole screens rendered into the cell grid and compared with the text files in Snapshots/.
/// A missing snapshot is written and the test fails, so new screens get looked at; set
/// UPDATE_SNAPSHOTS=1 to rewrite them all after a deliberate change.
@Suite struct RendererSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    /// Compares the rendered screen; the temporary folder's name and bundle fingerprints (which
    /// vary from run to run) are replaced by same-length placeholders first.
    static func check(_ model: AppModel, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var text = Renderer.render(model).grid.text + "\n"
        text = text.replacing(/factory-tui-tests\.[A-Za-z0-9]{6}/, with: "factory-tui-tests.XXXXXX")
        for record in model.planners {
            if let fingerprint = record.fingerprint?.description { text = text.replacing(fingerprint, with: "################") }
        }
        let path = folder + "/\(name).txt"
        let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
        guard !update, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) written to \(path): look at it, then run again", sourceLocation: sourceLocation)
            return
        }
        if text != expected {
            try text.write(toFile: path + ".actual", atomically: true, encoding: .utf8)
            let lines = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
            let first = lines.enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("snapshot \(name) differs (actual in \(path).actual); first different line \(first.map { "\($0.offset + 1):\n  expected \($0.element.0)\n  actual   \($0.element.1)" } ?? "count")",
                         sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theMainScreen(width: Int, height: Int) throws {
        let factory = try TestFactory()
        try Self.check(factory.model(width: width, height: height), "main-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theLiveRankingWithDoubleWidthText(width: Int, height: Int) throws {
        let factory = try TestFactory()
        var model = factory.model(width: width, height: height)
        factory.type("/経路 route from 0,0 to 7,3", into: &model)
        factory.apply(.input(.key(.tab)), to: &model)
        factory.type("grid, route", into: &model)
        #expect(Renderer.render(model).cursor != nil, "the cursor sits in the field being edited")
        factory.apply(.input(.key(.escape)), to: &model)
        factory.apply(.input(.key(.tab)), to: &model)
        try Self.check(model, "ranking-\(width)x\(height)")
    }

    @Test func aQuarantinedPlannersDetail() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 120, height: 40)
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "crashy" })
        try Self.check(model, "quarantined-120x40")
    }

    @Test func theHelpOverlay() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 80, height: 24)
        factory.apply(.input(.key(.character("?"))), to: &model)
        try Self.check(model, "help-80x24")
    }

    @Test func aPlanResultWithItsTimings() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 120, height: 40)
        let plan = Plan(planner: "grid-astar", steps: ["move east to 1,0", "move south to 1,1"], cost: 2)
        factory.apply(.planned(AppModel.PlanResult(planner: "grid-astar", objective: "route from 0,0 to 1,1", plan: plan, error: nil,
                                                   timings: [("create", .microseconds(40)), ("plan", .microseconds(90))])), to: &model)
        try Self.check(model, "plan-120x40")
    }

    @Test func telemetryListsSelectionsAndInstantiationsNewestFirst() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 120, height: 40)
        _ = try factory.factory.selectBestPlanner(objective: "route from 0,0 to 2,2", capabilities: ["grid"])
        _ = try factory.factory.planner(named: "grid-astar")
        _ = try? factory.factory.selectBestPlanner(capabilities: ["teleport"])
        factory.apply(.telemetry(factory.factory.telemetry.snapshot()), to: &model)
        try Self.check(model, "telemetry-120x40")
    }

    @Test func aTerminalThatIsTooSmallSaysSo() throws {
        let factory = try TestFactory()
        try Self.check(factory.model(width: 60, height: 20), "too-small-60x20")
    }
}

/// The grid itself: double-width characters take two cells and are never split.
@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCellsAndAreNotSplit() {
        var grid = CellGrid(width: 6, height: 1)
        let end = grid.put("a計画b", x: 0, y: 0)
        #expect(end == 6)
        #expect(grid[1, 0].text == "計" && grid[2, 0].isContinuation && grid[3, 0].text == "画" && grid[5, 0].text == "b")
        var narrow = CellGrid(width: 4, height: 1)
        #expect(narrow.put("ab計", x: 1, y: 0) == 3, "計 would need columns 3 and 4: left out")
        #expect(narrow[3, 0] == .blank)
        #expect(CharacterWidth.of("é") == 1 && CharacterWidth.of("🙂") == 2 && CharacterWidth.of("\u{301}") == 0)
        #expect("計画計画".truncated(to: 5) == "計画…")
    }
}

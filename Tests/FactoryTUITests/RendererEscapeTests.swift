import ExamplePlanners
import Foundation
import PlannerFactory
import Testing
@testable import FactoryTUI

/// Text from outside reaches the screen escaped: controls, DEL, C1 controls, bidirectional
/// overrides and isolates are shown as `\x1b` / `\u202e`, never written raw nor dropped unseen.
@Suite struct RendererEscapeTests {
    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && TerminalText.needsEscape($0) }
    }

    @Test func theGridShowsControlsEscapedAndMeasuresThemSo() {
        var grid = CellGrid(width: 40, height: 1)
        let text = "a\u{1B}[2Jb\u{202E}c\nd\te\u{85}"
        let end = grid.put(text, x: 0, y: 0)
        #expect(grid.text == #"a\x1b[2Jb\u202ec\x0ad e\u0085"#.padding(toLength: 40, withPad: " ", startingAt: 0))
        #expect(end == CharacterWidth.of(text), "put and the width agree, so columns line up")
        #expect(!Self.hasRawControls(grid.text))
    }

    @Test func anEscapeThatDoesNotFitWholeIsLeftOut() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("ab\u{1B}c", x: 0, y: 0) == 6)
        #expect(grid.text == #"ab\x1b"#)
        var narrow = CellGrid(width: 5, height: 1)
        #expect(narrow.put("ab\u{1B}c", x: 0, y: 0) == 2)
        #expect(narrow.text == "ab   ", "half an escape would read as something else")
        #expect(CharacterWidth.of("x\u{1B}yz".truncated(to: 5)) <= 5)
    }

    @Test func hostileManifestsAndFolderNamesAreEscapedOnEveryScreen() throws {
        var template = Array("/tmp/factory-tui-escape.XXXXXX".utf8CString)
        let folder = try #require(mkdtemp(&template).map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plugins = folder + "/plugins"
        let bundle = plugins + "/evil\nfake-row 9.9.9 builtin active\u{1B}[31m"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        let manifest = #"{"name": "evil", "version": "1.0.0", "summary": "sum\u001b[2J\u202Emary\u0085", "capabilities": ["grid"], "#
            + #""keywords": ["k\u001b]0;title\u0007"], "rank": 2, "x-unknown\u001b": 1, "entry": {"kind": "dylib", "library": "libp.so"}}"#
        try manifest.write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        try "not code".write(toFile: bundle + "/libp.so", atomically: false, encoding: .utf8)
        var configuration = FactoryConfiguration()
        configuration.pluginPath = [plugins]
        configuration.stateDirectory = folder + "/state"
        let factory = PlannerFactory(configuration: configuration, builtins: ExamplePlanners.all.map { BuiltinPlanner($0) })
        factory.discover()
        var model = AppModel(width: 160, height: 50, configurationSummary: "test", isFrozen: true)
        _ = AppUpdate.update(&model, .planners(factory.planners()))
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "evil" })
        let screen = Renderer.render(model).grid.text
        #expect(!Self.hasRawControls(screen), "no raw control reaches the screen")
        #expect(screen.contains(#"sum\x1b[2J\u202emary\u0085"#), "the summary is shown escaped")
        #expect(screen.contains(#"plugins/evil\x0a"#), "the folder's newline is shown escaped, so it forges no row")
    }
}

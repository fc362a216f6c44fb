import ExamplePlanners
import Foundation
import PlannerFactory
import Testing
@testable import FactoryTUI

#if canImport(Glibc)
import Glibc
#endif

/// A path's bytes that are not UTF-8 (`PathBytes`) are shown as `\xff` on the screen, and
/// measured so.
@Suite struct RawPathRenderTests {
    @Test func theGridShowsRawBytesEscaped() {
        var grid = CellGrid(width: 20, height: 1)
        let text = PathBytes.string(decoding: Array("sp".utf8) + [0xFF] + Array("/g".utf8) + [0xFE])
        let end = grid.put(text, x: 0, y: 0)
        #expect(grid.text == #"sp\xff/g\xfe"#.padding(toLength: 20, withPad: " ", startingAt: 0))
        #expect(end == CharacterWidth.of(text))
    }

    @Test func aBundleInANonUTF8FolderShowsItsPathEscaped() throws {
        var template = Array("/tmp/factory-tui-bytes.XXXXXX".utf8CString)
        let folder = try #require(mkdtemp(&template).map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plugins = Array((folder + "/sp").utf8) + [0xFF]
        let bundle = plugins + Array("/odd".utf8)
        for path in [plugins, bundle] {
            #expect(Glibc.mkdir(path.map { CChar(bitPattern: $0) } + [0], 0o755) == 0)
        }
        let manifest = Array(#"{"name": "odd", "version": "1.0.0", "capabilities": ["grid"], "entry": {"kind": "dylib", "library": "libp.so"}}"#.utf8)
        for (name, contents) in [("/planner.json", manifest), ("/libp.so", Array("not code".utf8))] {
            let descriptor = Glibc.open((bundle + Array(name.utf8)).map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
            #expect(contents.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == contents.count)
            close(descriptor)
        }
        var configuration = FactoryConfiguration()
        configuration.pluginPath = [PathBytes.string(decoding: plugins)]
        configuration.stateDirectory = folder + "/state"
        let factory = PlannerFactory(configuration: configuration, builtins: ExamplePlanners.all.map { BuiltinPlanner($0) })
        factory.discover()
        var model = AppModel(width: 160, height: 50, configurationSummary: "test", isFrozen: true)
        _ = AppUpdate.update(&model, .planners(factory.planners()))
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "odd" })
        let screen = Renderer.render(model).grid.text
        #expect(screen.contains(#"sp\xff/odd"#), "\(screen)")
        #expect(!screen.unicodeScalars.contains { PathBytes.rawByte(of: $0) != nil || $0 == "\u{FFFD}" })
    }
}

import Foundation

/// The example plugin bundles with the libraries `scripts/build-examples` built for this test
/// run's build: for the default build (`.build`) the repository's `examples/plugins`; for another
/// scratch path DIR (`scripts/test --scratch-path DIR`) its own copy in `DIR/examples/plugins`.
public enum ExamplePlugins {
    /// `examples/plugins` in the build folder of this test binary when it has one, else the
    /// repository's.
    public static var folder: String {
        let files = FileManager.default
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("examples/plugins").path
            if files.fileExists(atPath: candidate) { return candidate }
            // The build folder's top (SwiftPM keeps its database there): no copy of the examples.
            if files.fileExists(atPath: folder.appendingPathComponent("build.db").path) { break }
            folder = folder.deletingLastPathComponent()
        }
        return CCompiler.examplesFolder
    }
}

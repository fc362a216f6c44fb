import Foundation

/// Builds plugin libraries for tests with the system C compiler, against the plugin ABI header.
public enum CCompiler {
    /// The folder of `planner_plugin.h`.
    public static let abiHeaderFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PlannerPluginABI/include").standardized.path

    /// The bundled example plugins.
    public static let examplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/plugins").standardized.path

    /// Compiles `source` into `folder/lib<name>.so` and returns its path.
    public static func sharedLibrary(_ name: String, source: String, in folder: String) throws -> String {
        let sourcePath = folder + "/\(name).c"
        try source.write(toFile: sourcePath, atomically: false, encoding: .utf8)
        let output = folder + "/lib\(name).so"
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
        compiler.arguments = ["-shared", "-fPIC", "-I", abiHeaderFolder, "-o", output, sourcePath]
        try compiler.run()
        compiler.waitUntilExit()
        guard compiler.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return output
    }
}

/// The build folder of this test run, which holds `factory`, `factory-probe` and the plugin dylibs.
public enum BuildProducts {
    public static func path(of product: String) -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent(product).path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent(product).path
    }
}

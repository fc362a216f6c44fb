import Foundation

/// Plugin libraries built by the C compiler for tests, and the built `factory-probe`.
enum CFixture {
    static let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/PlannerPluginABI/include").standardized.path

    /// `factory-probe`, built beside the test bundle.
    static var probe: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("factory-probe").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("factory-probe").path
    }

    /// Compiles `source` into `lib<name>.so` in `folder` and returns its path.
    static func library(_ name: String, source: String, in folder: TemporaryFolder) throws -> String {
        let sourcePath = try folder.write("\(name).c", source)
        let output = folder.path + "/lib\(name).so"
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
        compiler.arguments = ["-shared", "-fPIC", "-I", header, "-o", output, sourcePath]
        try compiler.run()
        compiler.waitUntilExit()
        guard compiler.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return output
    }

    /// A plugin whose entry function runs `body` (C statements) before returning a valid table.
    static func plugin(entry body: String, prelude: String = "") -> String {
        """
        #include <signal.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        #include "planner_plugin.h"
        \(prelude)
        static char *describe(void) { return strdup("{\\"name\\": \\"fixture\\", \\"version\\": \\"1.0.0\\"}"); }
        static planner_instance *create(const char *c, char **e) { return NULL; }
        static char *plan(planner_instance *i, const char *o, char **e) { return NULL; }
        static char *health(planner_instance *i) { return NULL; }
        static void destroy(planner_instance *i) {}
        static void free_string(char *s) { free(s); }
        static const planner_plugin_table table = { PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
            describe, create, plan, health, destroy, free_string };
        const planner_plugin_table *planner_plugin_entry(void) { \(body) return &table; }
        """
    }
}

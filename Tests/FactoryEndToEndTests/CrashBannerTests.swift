import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// A plugin with the Swift runtime loaded (any Swift plugin) that dies of SIGSEGV, in a probe, a
/// process plugin's start or a worker's plan: the factory reports the signal, never the Swift
/// runtime's "Program crashed" banner and register dump, which the plugin's backtracer wrote to
/// the worker's standard error (probes and workers run with SWIFT_BACKTRACE=enable=no). Without
/// that, a `raise(SIGSEGV)` in a probe even passed: the backtracer returned, and so did describe.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "the sanitizer's own deadly-signal handler takes the Swift runtime's place"))
struct CrashBannerTests {
    /// The Swift runtime this test process runs on (what a Swift plugin links), from the
    /// process's memory map (read to its end: /proc files report no size).
    static var swiftCore: String {
        get throws {
            let maps = try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile()
            let lines = String(decoding: maps, as: UTF8.self).split(separator: "\n")
            let line = try #require(lines.first { $0.hasSuffix("/libswiftCore.so") })
            return String(line[try #require(line.firstIndex(of: "/"))...])
        }
    }

    /// C code that loads the Swift runtime (its backtracer with it) and `fault`s: in `describe`,
    /// in `plan`, or in `main` for a process plugin.
    static func source(name: String, faultIn place: String) throws -> String {
        """
        #include <dlfcn.h>
        #include <signal.h>
        #include <stdlib.h>
        #include <string.h>
        #include "planner_plugin.h"
        static void crash(void) { dlopen("\(try swiftCore)", RTLD_NOW | RTLD_GLOBAL); raise(SIGSEGV); }
        struct planner_instance { int unused; };
        static char *describe(void) {
            \(place == "describe" ? "crash();" : "")
            return strdup("{\\"name\\": \\"\(name)\\", \\"version\\": \\"1.0.0\\", \\"capabilities\\": [\\"x\\"]}");
        }
        static planner_instance *create(const char *c, char **e) { return calloc(1, sizeof(planner_instance)); }
        static char *plan(planner_instance *i, const char *o, char **e) { crash(); return strdup("{}"); }
        static char *health(planner_instance *i) { return strdup("{\\"healthy\\": true}"); }
        static void destroy(planner_instance *i) { free(i); }
        static void free_string(char *s) { free(s); }
        static const planner_plugin_table table = { PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
            describe, create, plan, health, destroy, free_string };
        const planner_plugin_table *planner_plugin_entry(void) { return &table; }
        int main(void) { crash(); return 0; }
        """
    }

    static func expectNoBanner(_ result: FactoryBinary.Result) {
        for text in [result.standardOutput, result.standardError] {
            #expect(!text.contains("Program crashed"), "\(text)")
            #expect(!text.contains("Backtrac"), "\(text)")
            #expect(!text.contains("rflags"), "\(text)")
        }
    }

    @Test func aSwiftPluginThatRaisesSIGSEGVInAProbeIsQuarantinedForIt() throws {
        let plugins = try PluginFolder()
        try FixturePlugin.bundle(plugins.path + "/segv-describe", name: "segv-describe", source: try Self.source(name: "segv-describe", faultIn: "describe"))
        let result = try FactoryBinary.run(["show", "segv-describe", "--json", "--plugin-path", plugins.path])
        let record = try result.json()
        #expect(record["status"] == "quarantined", "\(result.standardOutput)")
        #expect(record["reason"]?.stringValue?.contains("crashed with SIGSEGV") == true, "\(result.standardOutput)")
        Self.expectNoBanner(result)
    }

    @Test func aSwiftProcessPluginThatCrashesAtStartIsReportedBySignal() throws {
        let plugins = try PluginFolder()
        let bundle = plugins.path + "/segv-process"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Self.source(name: "segv-process", faultIn: "main").write(toFile: bundle + "/main.c", atomically: false, encoding: .utf8)
        let compiler = try Process.run(URL(fileURLWithPath: "/usr/bin/cc"), arguments: ["-I", CCompiler.abiHeaderFolder, "-o", bundle + "/planner", bundle + "/main.c"])
        compiler.waitUntilExit()
        #expect(compiler.terminationStatus == 0)
        try #"{"name": "segv-process", "version": "1.0.0", "capabilities": ["x"], "entry": {"kind": "process", "command": ["./planner"]}}"#
            .write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        let result = try FactoryBinary.run(["list", "--plugin-path", plugins.path])
        #expect(result.status == 0)
        let row = try #require(result.standardOutput.split(separator: "\n").firstIndex { $0.hasPrefix("segv-process ") })
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines[row].contains("quarantined"))
        #expect(lines[row + 1].contains("SIGSEGV"), "\(lines[row + 1])")
        #expect(!lines[row + 1].contains("exited with code 0"), "the backtracer no longer turns a crash into an exit")
        Self.expectNoBanner(result)
    }

    @Test func aSwiftPluginThatCrashesInAWorkersPlanIsReportedBySignal() throws {
        let plugins = try PluginFolder()
        try FixturePlugin.bundle(plugins.path + "/segv-plan", name: "segv-plan", source: try Self.source(name: "segv-plan", faultIn: "plan"))
        let result = try FactoryBinary.run(["plan", "segv-plan", "--objective", "x", "--plugin-path", plugins.path])
        #expect(result.status == 3)
        #expect(result.standardError.contains("crashed with SIGSEGV during plan"), "\(result.standardError)")
        Self.expectNoBanner(result)
    }
}

import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// `factory-probe` on real libraries built by a C compiler: each outcome it reports itself.
/// (Hangs and crashes are seen by the factory, which runs the probe with a deadline.)
@Suite struct ProbeTests {
    static var probe: String { BuildProducts.path(of: "factory-probe") }

    /// Compiles C source into a shared library in `folder`.
    static func library(_ name: String, source: String, in folder: PluginFolder) throws -> String {
        try CCompiler.sharedLibrary(name, source: source, in: folder.path)
    }

    /// Runs the probe on `library`: its exit status and its report, the line after the
    /// `{"started": 1}` it writes before loading the library.
    static func run(_ library: String) throws -> (status: Int32, report: JSONValue) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: probe)
        process.arguments = [library]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = data.split(separator: UInt8(ascii: "\n")).map { Array($0) }
        #expect(lines.first.flatMap { try? JSONValue(parsing: $0) }?["started"] == 1, "the first line says it started")
        return (process.terminationStatus, try JSONValue(parsing: lines.last ?? []))
    }

    static func table(abi: String) -> String {
        """
        #include <stdlib.h>
        #include "planner_plugin.h"
        static char *describe(void) { return NULL; }
        static planner_instance *create(const char *c, char **e) { return NULL; }
        static char *plan(planner_instance *i, const char *o, char **e) { return NULL; }
        static char *health(planner_instance *i) { return NULL; }
        static void destroy(planner_instance *i) {}
        static void free_string(char *s) { free(s); }
        static const planner_plugin_table table = { \(abi), sizeof(planner_plugin_table), describe, create, plan, health, destroy, free_string };
        const planner_plugin_table *planner_plugin_entry(void) { return &table; }
        """
    }

    @Test func aGoodCPluginDescribesItself() throws {
        let folder = try PluginFolder()
        let source = try String(contentsOfFile: CCompiler.examplesFolder + "/grid-greedy-c/grid_greedy.c", encoding: .utf8)
        let (status, report) = try Self.run(try Self.library("grid", source: source, in: folder))
        #expect(status == 0)
        #expect(report["outcome"] == "ok")
        let descriptor = try JSONValue(parsing: try #require(report["descriptor"]?.stringValue))
        #expect(descriptor["name"] == "grid-greedy-c")
    }

    @Test func aTextFileIsNotASharedLibrary() throws {
        let folder = try PluginFolder()
        try "not a library".write(toFile: folder.path + "/libtext.so", atomically: false, encoding: .utf8)
        let (status, report) = try Self.run(folder.path + "/libtext.so")
        #expect(status == 1)
        #expect(report["outcome"] == "not-a-shared-library")
    }

    @Test func aMissingFile() throws {
        let (_, report) = try Self.run("/nonexistent/libnothing.so")
        #expect(report["outcome"] == "missing-file")
    }

    @Test func aLibraryWithoutTheEntrySymbol() throws {
        let folder = try PluginFolder()
        let library = try Self.library("plain", source: "int something(void) { return 1; }", in: folder)
        #expect(try Self.run(library).report["outcome"] == "missing-entry-symbol")
    }

    @Test func anUndefinedDependencySymbol() throws {
        let folder = try PluginFolder()
        let library = try Self.library("needy", source: "extern int nowhere_to_be_found(void); int f(void) { return nowhere_to_be_found(); }", in: folder)
        let report = try Self.run(library).report
        #expect(report["outcome"] == "undefined-dependency-symbol")
        #expect(report["detail"]?.stringValue?.contains("nowhere_to_be_found") == true)
    }

    @Test func anotherABIVersion() throws {
        let folder = try PluginFolder()
        let library = try Self.library("future", source: Self.table(abi: "99"), in: folder)
        let report = try Self.run(library).report
        #expect(report["outcome"] == "abi-mismatch")
        #expect(report["detail"]?.stringValue?.contains("ABI version 99") == true)
    }

    @Test func aDescribeThatReturnsNothing() throws {
        let folder = try PluginFolder()
        let library = try Self.library("mute", source: Self.table(abi: "PLANNER_PLUGIN_ABI_VERSION"), in: folder)
        #expect(try Self.run(library).report["outcome"] == "invalid-descriptor")
    }
}

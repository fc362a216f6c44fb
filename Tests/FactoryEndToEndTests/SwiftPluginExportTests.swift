import Foundation
import PlannerKit
import PlannerPluginABI
import PlannerTestSupport
import Testing

/// The Swift example plugin, built by SwiftPM as a dynamic library, speaks the C ABI: probed in a
/// child process, and called through its table (create, plan, health, destroy) here.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"))
struct SwiftPluginExportTests {
    static var library: String {
        URL(fileURLWithPath: FactoryBinary.path).deletingLastPathComponent().appendingPathComponent("libSwiftGridPlugin.so").path
    }

    @Test func theProbeReadsItsDescriptor() throws {
        let (status, report) = try ProbeTests.run(Self.library)
        #expect(status == 0)
        let descriptor = try JSONValue(parsing: try #require(report["descriptor"]?.stringValue))
        #expect(descriptor["name"] == "grid-astar-swift")
    }

    @Test func itPlansThroughTheTable() throws {
        // Loaded the way the factory will: RTLD_NOW, local, never unloaded.
        let handle = try #require(dlopen(Self.library, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))
        let symbol = try #require(dlsym(handle, "planner_plugin_entry"))
        let entry = unsafeBitCast(symbol, to: planner_plugin_entry_function.self)
        let table = try #require(entry()).pointee
        #expect(table.abi_version == PLANNER_PLUGIN_ABI_VERSION)

        func take(_ string: UnsafeMutablePointer<CChar>?) throws -> JSONValue {
            let pointer = try #require(string)
            defer { table.free_string(pointer) }
            return try JSONValue(parsing: String(cString: pointer))
        }

        var error: UnsafeMutablePointer<CChar>?
        #expect(table.create(#"{"diagonal": "sideways"}"#, &error) == nil)
        #expect(try take(error)["message"]?.stringValue?.contains("diagonal") == true)

        error = nil
        let instance = try #require(table.create("{}", &error))
        defer { table.destroy(instance) }
        let objective = Objective(text: "route from 0,0 to 3,0", parameters: ["map": "..../..../...."]).json.serialized()
        let plan = try Plan(json: try take(table.plan(instance, objective, &error)))
        #expect(plan.planner == "grid-astar-swift")
        #expect(plan.cost == 3)

        #expect(table.plan(instance, #"{"text": "route from 0,0 to 99,99"}"#, &error) == nil)
        #expect(try take(error)["message"]?.stringValue?.isEmpty == false)
        #expect(try take(table.health(instance))["healthy"] == true)
    }
}

import ExamplePlanners
import PlannerKit

/// The builtin grid route planner as a dylib plugin, named `grid-astar-swift` so that it does not
/// collide with the builtin `grid-astar`.
struct SwiftGridPlanner: Planner {
    static let descriptor: PlannerDescriptor = {
        var descriptor = GridRoutePlanner.descriptor
        descriptor.name = "grid-astar-swift"
        descriptor.summary = "A* route planner on a text grid, as a Swift dylib plugin"
        return descriptor
    }()

    private let inner: GridRoutePlanner

    init(configuration: PlannerConfiguration) throws {
        inner = try GridRoutePlanner(configuration: configuration)
    }

    func plan(_ objective: Objective) throws -> Plan {
        var plan = try inner.plan(objective)
        plan.planner = Self.descriptor.name
        return plan
    }
}

/// The plugin's entry point: the whole export is this one line.
@_cdecl("planner_plugin_entry")
public func plannerPluginEntry() -> UnsafeRawPointer { PluginExport.table(for: SwiftGridPlanner.self) }

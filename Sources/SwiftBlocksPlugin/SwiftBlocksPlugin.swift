import ExamplePlanners
import PlannerKit

/// The builtin blocks-world planner as a dylib plugin, named `blocks-world-swift` so that it does
/// not collide with the builtin `blocks-world`.
struct SwiftBlocksPlanner: Planner {
    static let descriptor: PlannerDescriptor = {
        var descriptor = BlocksWorldPlanner.descriptor
        descriptor.name = "blocks-world-swift"
        descriptor.summary = "Fewest-move plans for stacking blocks, as a Swift dylib plugin"
        return descriptor
    }()

    private let inner: BlocksWorldPlanner

    init(configuration: PlannerConfiguration) throws {
        inner = try BlocksWorldPlanner(configuration: configuration)
    }

    func plan(_ objective: Objective) throws -> Plan {
        var plan = try inner.plan(objective)
        plan.planner = Self.descriptor.name
        return plan
    }
}

/// The plugin's entry point.
@_cdecl("planner_plugin_entry")
public func plannerPluginEntry() -> UnsafeRawPointer { PluginExport.table(for: SwiftBlocksPlanner.self) }

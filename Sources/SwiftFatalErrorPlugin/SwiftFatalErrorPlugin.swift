import PlannerKit

/// A fault for the example gallery (`examples/plugins/fault-sigill-swift`): its descriptor calls
/// `fatalError`, which traps, so the sandbox probe dies of SIGILL when it calls `describe`.
/// The host never runs this code itself: the probe's crash quarantines the plugin.
struct FatalErrorPlanner: Planner {
    static var descriptor: PlannerDescriptor {
        fatalError("fault-sigill-swift: the descriptor traps on purpose")
    }

    init(configuration: PlannerConfiguration) throws {}

    func plan(_ objective: Objective) throws -> Plan {
        fatalError("fault-sigill-swift: never loaded, never planning")
    }
}

/// The plugin's entry point: a well-formed table whose `describe` traps.
@_cdecl("planner_plugin_entry")
public func plannerPluginEntry() -> UnsafeRawPointer { PluginExport.table(for: FatalErrorPlanner.self) }

import PlannerPluginABI

#if canImport(Glibc)
import Glibc
#endif

/// A plugin's function table. `@unchecked Sendable`: the table lives as long as the library,
/// which is never unloaded, and is never written by the host.
struct PluginTable: @unchecked Sendable {
    let pointer: UnsafePointer<planner_plugin_table>
    var functions: planner_plugin_table { pointer.pointee }
}

/// Loads plugin libraries into this process: `dlopen` with `RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE`
/// and never `dlclose` (unloading a Swift image leaves its metadata registered, and the next cast
/// crashes the host). Each path is opened once per process.
enum PluginLibrary {
    private static let loaded = Locked<[String: PluginTable]>([:])

    /// The table of the library at `path` (a content-addressed copy that passed its probe).
    /// - Throws: `FactoryError` (`.instantiationError`) saying which step failed.
    static func load(_ path: String, planner: String) throws(FactoryError) -> PluginTable {
        if let table = loaded.withLock({ $0[path] }) { return table }
        // Not under the lock: a library's constructors are plugin code.
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            throw .instantiation(planner, "loading \(path) failed: \(lastError())")
        }
        guard let symbol = dlsym(handle, PLANNER_PLUGIN_ENTRY_SYMBOL) else {
            throw .instantiation(planner, "\(path) has no \(PLANNER_PLUGIN_ENTRY_SYMBOL) function")
        }
        typealias Entry = @convention(c) () -> UnsafePointer<planner_plugin_table>?
        guard let table = unsafeBitCast(symbol, to: Entry.self)() else {
            throw .instantiation(planner, "its \(PLANNER_PLUGIN_ENTRY_SYMBOL) returned no table")
        }
        let version = table.pointee.abi_version
        guard version == PLANNER_PLUGIN_ABI_VERSION,
              Int(table.pointee.struct_size) >= MemoryLayout<planner_plugin_table>.size else {
            throw .instantiation(planner, "its table is ABI version \(version) of \(table.pointee.struct_size) bytes; this host needs version \(PLANNER_PLUGIN_ABI_VERSION)")
        }
        let functions = table.pointee
        guard functions.describe != nil, functions.create != nil, functions.plan != nil, functions.health != nil,
              functions.destroy != nil, functions.free_string != nil else {
            throw .instantiation(planner, "its table leaves a function empty")
        }
        return loaded.withLock { loaded in
            if let existing = loaded[path] { return existing }
            loaded[path] = PluginTable(pointer: table)
            return PluginTable(pointer: table)
        }
    }

    private static func lastError() -> String {
        dlerror().map { PathBytes.string(cString: $0) } ?? "no reason given"
    }
}

import PlannerPluginABI

#if canImport(Glibc)
import Glibc
#endif

/// Exports a Swift `Planner` type through the plugin C ABI (`planner_plugin.h`), so a SwiftPM
/// dynamic library becomes a PlannerFactory plugin with one function:
///
/// ```swift
/// @_cdecl("planner_plugin_entry")
/// public func plannerPluginEntry() -> UnsafeRawPointer { PluginExport.table(for: MyPlanner.self) }
/// ```
///
/// Only C types cross the boundary: descriptors, configurations, objectives, plans and errors
/// travel as JSON text. One library exports one planner type.
public enum PluginExport {
    /// The table for `type`, valid for the life of the library.
    public static func table<P: Planner>(for type: P.Type) -> UnsafeRawPointer {
        exported.register(type)
        return UnsafeRawPointer(table.pointer)
    }

    private static let table = TablePointer(pointer: {
        let pointer = UnsafeMutablePointer<planner_plugin_table>.allocate(capacity: 1)
        pointer.initialize(to: planner_plugin_table(
            abi_version: PLANNER_PLUGIN_ABI_VERSION,
            struct_size: UInt32(MemoryLayout<planner_plugin_table>.size),
            describe: { PluginExport.describe() },
            create: { configuration, error in PluginExport.create(configuration, error) },
            plan: { instance, objective, error in PluginExport.plan(instance, objective, error) },
            health: { instance in PluginExport.health(instance) },
            destroy: { instance in PluginExport.destroy(instance) },
            free_string: { string in free(string) }))
        return pointer
    }())

    /// The table's address. `@unchecked Sendable`: the table is initialized once and never written again.
    private struct TablePointer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<planner_plugin_table>
    }

    static let exported = ExportedType()

    // MARK: The table's functions

    static func describe() -> UnsafeMutablePointer<CChar>? {
        guard let type = exported.type else { return nil }
        return cString(type.descriptor.json.serialized())
    }

    static func create(_ configuration: UnsafePointer<CChar>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> OpaquePointer? {
        guard let type = exported.type else {
            error?.pointee = errorJSON("no planner type was exported")
            return nil
        }
        do {
            let text = configuration.map { String(cString: $0) } ?? "{}"
            let value = try JSONValue(parsing: text)
            guard let members = value.objectValue else {
                error?.pointee = errorJSON("the configuration must be a JSON object, not \(value.typeDescription)")
                return nil
            }
            let planner = try type.init(configuration: members)
            return OpaquePointer(Unmanaged.passRetained(Box(planner)).toOpaque())
        } catch let failure {
            errorOut(failure, into: error)
            return nil
        }
    }

    static func plan(_ instance: OpaquePointer?, _ objective: UnsafePointer<CChar>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutablePointer<CChar>? {
        guard let instance, let objective else {
            error?.pointee = errorJSON("no instance or no objective was given")
            return nil
        }
        let planner = Unmanaged<Box>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue().planner
        do {
            let parsed = try Objective(json: try JSONValue(parsing: String(cString: objective)))
            return cString(try planner.plan(parsed).json.serialized())
        } catch let failure {
            errorOut(failure, into: error)
            return nil
        }
    }

    static func health(_ instance: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
        guard let instance else { return cString(#"{"healthy": false, "detail": "no instance"}"#) }
        let health = Unmanaged<Box>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue().planner.health()
        let json: JSONValue = ["healthy": .bool(health.isHealthy), "detail": .string(health.detail)]
        return cString(json.serialized())
    }

    static func destroy(_ instance: OpaquePointer?) {
        guard let instance else { return }
        Unmanaged<Box>.fromOpaque(UnsafeRawPointer(instance)).release()
    }

    // MARK: Helpers

    /// A C string the host gives back with `free_string` (which calls `free`).
    static func cString(_ text: String) -> UnsafeMutablePointer<CChar>? {
        strdup(text)
    }

    static func errorJSON(_ message: String, code: PlanningError.Code = .internal) -> UnsafeMutablePointer<CChar>? {
        cString(JSONValue.object(["message": .string(message), "code": .string(code.description)]).serialized())
    }

    /// A `PlanningError` keeps its code; any other error is `internal`, or `invalid-objective`
    /// when the objective JSON itself could not be read.
    private static func errorOut(_ error: any Error, into pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
        if let planning = error as? PlanningError {
            pointer?.pointee = errorJSON(planning.message, code: planning.code)
        } else if error is DataFormatError || error is JSONParseError {
            pointer?.pointee = errorJSON(String(describing: error), code: .invalidObjective)
        } else {
            pointer?.pointee = errorJSON(String(describing: error))
        }
    }

    /// Keeps a planner alive behind the opaque instance pointer.
    final class Box {
        let planner: any Planner
        init(_ planner: any Planner) { self.planner = planner }
    }
}

/// The planner type a library exports, set once by `PluginExport.table(for:)`.
final class ExportedType: @unchecked Sendable {  // guarded by `lock`
    private var lock = pthread_mutex_t()
    private var stored: (any Planner.Type)?

    init() { pthread_mutex_init(&lock, nil) }

    func register(_ type: any Planner.Type) {
        pthread_mutex_lock(&lock)
        stored = type
        pthread_mutex_unlock(&lock)
    }

    var type: (any Planner.Type)? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return stored
    }
}

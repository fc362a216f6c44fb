import CSandbox

/// Records which in-process call runs on this thread, so that a crash in it is written to the
/// instance's marker with the call named ("crashed-by-signal 11 in plan"): two thread-local
/// stores around the call, no system call.
struct CrashGuard: Sendable {
    let markers: LoadMarkers
    let held: LoadMarkers.Held

    /// The phases, as C strings that live forever (a crash handler reads them).
    static let create: StaticString = "create"
    static let plan: StaticString = "plan"
    static let health: StaticString = "health"
    static let destroy: StaticString = "destroy"

    func begin(_ phase: StaticString) {
        csandbox_marker_call_begin(held.descriptor, UnsafeRawPointer(phase.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    func end() {
        csandbox_marker_call_end()
    }

    /// Removes the marker: the instance is gone.
    func release() {
        markers.end(held)
    }
}

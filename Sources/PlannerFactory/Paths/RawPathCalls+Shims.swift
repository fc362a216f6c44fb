import CLive
import CSandbox

// The factory's own C functions that take a path, with String paths passed as the exact bytes
// they stand for (see `RawPathCalls.swift`).

@discardableResult
func clive_listen(_ path: String, _ backlog: Int32) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_listen($0, backlog) }
}

@discardableResult
func clive_connect(_ path: String) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_connect($0) }
}

@discardableResult
func clive_lock(_ path: String) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_lock($0) }
}

@discardableResult
func clive_probe_lock(_ path: String, _ descriptor: UnsafeMutablePointer<Int32>) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_probe_lock($0, descriptor) }
}

@discardableResult
func clive_private_folder(_ path: String) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_private_folder($0) }
}

@discardableResult
func clive_is_own_socket(_ path: String) -> Int32 {
    PathBytes.withCString(path) { CLive.clive_is_own_socket($0) }
}

@discardableResult
func clive_read_file(_ path: String, _ bytes: UnsafeMutableRawPointer?, _ capacity: Int) -> Int {
    PathBytes.withCString(path) { CLive.clive_read_file($0, bytes, capacity) }
}

@discardableResult
func csandbox_copy_hashing(
    _ source: Int32, _ target: String, _ hash: UnsafeMutablePointer<UInt64>?, _ budget: Int64, _ timeout: Int64
) -> csandbox_copy_result {
    PathBytes.withCString(target) { CSandbox.csandbox_copy_hashing(source, $0, hash, budget, timeout) }
}

@discardableResult
func csandbox_run(
    _ path: String, _ argv: UnsafePointer<UnsafeMutablePointer<CChar>?>?, _ envp: UnsafePointer<UnsafeMutablePointer<CChar>?>?,
    _ timeout: Int64, _ output: UnsafeMutablePointer<CChar>?, _ capacity: Int
) -> csandbox_result {
    PathBytes.withCString(path) { CSandbox.csandbox_run($0, argv, envp, timeout, output, capacity) }
}

@discardableResult
func csandbox_spawn_worker(
    _ path: String, _ argv: UnsafePointer<UnsafeMutablePointer<CChar>?>?, _ envp: UnsafePointer<UnsafeMutablePointer<CChar>?>?
) -> csandbox_worker {
    PathBytes.withCString(path) { CSandbox.csandbox_spawn_worker($0, argv, envp) }
}

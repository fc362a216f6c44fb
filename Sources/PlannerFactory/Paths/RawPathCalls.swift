#if canImport(Glibc)
import Glibc
#endif

// The C library's path calls, taking a String and passing the exact bytes it stands for
// (`PathBytes.withCString`). Declared in this module, they shadow the imported functions for
// String arguments everywhere in PlannerFactory: Swift's implicit String-to-pointer conversion
// would pass each raw byte's escape scalar as three bytes of UTF-8, and so name another file.
// Calls with pointers or byte arrays still reach the C functions directly. Every String passed
// as a path in this module goes through one of these (checked with `swiftc -dump-ast`: the only
// implicit `string_to_pointer` conversions left pass JSON text to a plugin and the entry symbol's
// name); a new call with a String path needs its overload here, or `PathBytes.withCString`.

@discardableResult
func open(_ path: String, _ flags: Int32) -> Int32 {
    PathBytes.withCString(path) { Glibc.open($0, flags) }
}

@discardableResult
func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    PathBytes.withCString(path) { Glibc.open($0, flags, mode) }
}

@discardableResult
func openat(_ directory: Int32, _ path: String, _ flags: Int32) -> Int32 {
    PathBytes.withCString(path) { Glibc.openat(directory, $0, flags) }
}

@discardableResult
func fstatat(_ directory: Int32, _ path: String, _ info: UnsafeMutablePointer<stat>, _ flags: Int32) -> Int32 {
    PathBytes.withCString(path) { Glibc.fstatat(directory, $0, info, flags) }
}

@discardableResult
func stat(_ path: String, _ info: UnsafeMutablePointer<stat>) -> Int32 {
    PathBytes.withCString(path) { stat($0, info) }
}

@discardableResult
func lstat(_ path: String, _ info: UnsafeMutablePointer<stat>) -> Int32 {
    PathBytes.withCString(path) { Glibc.lstat($0, info) }
}

@discardableResult
func access(_ path: String, _ mode: Int32) -> Int32 {
    PathBytes.withCString(path) { Glibc.access($0, mode) }
}

@discardableResult
func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
    PathBytes.withCString(path) { Glibc.mkdir($0, mode) }
}

@discardableResult
func rmdir(_ path: String) -> Int32 {
    PathBytes.withCString(path) { Glibc.rmdir($0) }
}

@discardableResult
func unlink(_ path: String) -> Int32 {
    PathBytes.withCString(path) { Glibc.unlink($0) }
}

@discardableResult
func rename(_ old: String, _ new: String) -> Int32 {
    PathBytes.withCString(old) { oldPath in PathBytes.withCString(new) { Glibc.rename(oldPath, $0) } }
}

@discardableResult
func opendir(_ path: String) -> OpaquePointer? {
    PathBytes.withCString(path) { Glibc.opendir($0) }
}

@discardableResult
func realpath(_ path: String, _ resolved: UnsafeMutablePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    PathBytes.withCString(path) { Glibc.realpath($0, resolved) }
}

@discardableResult
func readlink(_ path: String, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int {
    PathBytes.withCString(path) { Glibc.readlink($0, buffer, size) }
}

@discardableResult
func utimensat(_ directory: Int32, _ path: String, _ times: UnsafePointer<timespec>?, _ flags: Int32) -> Int32 {
    PathBytes.withCString(path) { Glibc.utimensat(directory, $0, times, flags) }
}

@discardableResult
func dlopen(_ path: String, _ mode: Int32) -> UnsafeMutableRawPointer? {
    PathBytes.withCString(path) { Glibc.dlopen($0, mode) }
}

@discardableResult
func inotify_add_watch(_ descriptor: Int32, _ path: String, _ mask: UInt32) -> Int32 {
    PathBytes.withCString(path) { Glibc.inotify_add_watch(descriptor, $0, mask) }
}

/// `mkdtemp` of `template` (ending in `XXXXXX`): the folder it made, every byte kept, or `nil`
/// (with `errno` set).
func mkdtemp(_ template: String) -> String? {
    var bytes = PathBytes.bytes(of: template).map { CChar(bitPattern: $0) } + [0]
    return bytes.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.flatMap { Glibc.mkdtemp($0) }.map { PathBytes.string(cString: $0) }
    }
}

/// A `malloc`ed copy of the bytes `text` stands for, for argument and environment arrays.
func strdup(_ text: String) -> UnsafeMutablePointer<CChar>? {
    PathBytes.duplicate(text)
}

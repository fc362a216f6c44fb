import BenchmarkShims

#if canImport(Glibc)
import Glibc
#endif

/// The C side of the benchmarks. The only Swift file that imports `BenchmarkShims`.
enum NativeCalls {
    /// Runs the single-threaded C floor over a plugin-path folder once.
    /// - Returns: how many manifests it read and their total size.
    static func floorScan(_ folder: String) throws(BenchmarkFailure) -> (manifests: Int, bytes: Int) {
        var bytes: Int64 = 0
        let count = benchmark_floor_scan(folder, &bytes)
        guard count >= 0 else { throw BenchmarkFailure("the floor cannot list \(folder): \(SystemError.message())") }
        return (Int(count), Int(bytes))
    }

    /// Runs the single-threaded C loop that lists the folder and `fstatat`s each bundle's manifest
    /// and library once. - Returns: how many bundles had both files.
    static func statScan(_ folder: String, library: String) throws(BenchmarkFailure) -> Int {
        let count = benchmark_stat_scan(folder, library)
        guard count >= 0 else { throw BenchmarkFailure("the stat loop cannot list \(folder): \(SystemError.message())") }
        return Int(count)
    }

    /// What a program run under the `peak-rss` helper reported.
    struct ChildUsage {
        /// The exit code, or `nil` when it was killed by a signal.
        var exitCode: Int32?
        /// Its peak resident set size in bytes (`ru_maxrss` from `wait4` in the helper).
        var peakResidentBytes: Int
        /// Its user + system CPU time.
        var cpuTime: Duration
    }

    /// Runs `arguments` (a program's path, then its arguments) under the `peak-rss` helper, with
    /// `environment` (`KEY=VALUE` entries) added to this process's environment.
    static func runMeasuringPeakRSS(
        helper: String, _ arguments: [String], environment: [String]
    ) throws(BenchmarkFailure) -> ChildUsage {
        var output = [CChar](repeating: 0, count: 256)
        var status: Int32 = 0
        let error = withCStrings([helper] + arguments) { argv in
            withCStrings(environment) { envp in benchmark_run_capturing(argv, envp, &output, output.count, &status) }
        }
        guard error == 0 else { throw BenchmarkFailure("cannot run \(helper): \(String(cString: strerror(error)))") }
        let line = String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var fields: [Substring: Int] = [:]
        for field in line.split(whereSeparator: \.isWhitespace) {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { fields[parts[0]] = value }
        }
        guard status == 0, let kib = fields["max_rss_kib"], let cpu = fields["cpu_us"], let childStatus = fields["status"] else {
            throw BenchmarkFailure("\(helper) failed (wait status \(status)) and printed \"\(line)\"")
        }
        let exited = childStatus & 0x7f == 0
        return ChildUsage(exitCode: exited ? Int32((childStatus >> 8) & 0xff) : nil, peakResidentBytes: kib * 1024, cpuTime: .microseconds(cpu))
    }

    /// Spawns `arguments` (the program's path first) with exactly `environment` and waits for it,
    /// as bare as C allows (`posix_spawn`, `waitpid`; stdout on /dev/null when `discardingOutput`).
    /// - Returns: the raw wait status.
    static func spawnAndWait(_ arguments: CStringArray, environment: CStringArray, discardingOutput: Bool) throws(BenchmarkFailure) -> Int32 {
        var status: Int32 = 0
        let error = benchmark_spawn_and_wait(arguments.pointer, environment.pointer, discardingOutput ? 1 : 0, &status)
        guard error == 0 else {
            throw BenchmarkFailure("cannot run \(arguments.strings.first ?? "?"): \(String(cString: strerror(error)))")
        }
        return status
    }

    /// Loads the library at `path` into this process as the factory loads a plugin (`dlopen`
    /// with `RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE`, `dlsym` of the entry, the entry called), in C.
    /// It is never unloaded.
    static func loadLibrary(_ path: String, entry: String) throws(BenchmarkFailure) {
        let result = benchmark_load_library(path, entry)
        guard result == 0 else {
            let why = result == -1 ? dlerror().map { String(cString: $0) } ?? "dlopen failed" : result == -2 ? "no \(entry)" : "\(entry) returned NULL"
            throw BenchmarkFailure("cannot load \(path): \(why)")
        }
    }

    /// Runs `arguments` (a program's path, then its arguments) through `/bin/sh` with its standard
    /// error joined to its standard output, and returns its wait status and that output (the
    /// first 64 KiB).
    static func runJoiningOutput(_ arguments: [String]) throws(BenchmarkFailure) -> (status: Int32, output: String) {
        var output = [CChar](repeating: 0, count: 1 << 16)
        var status: Int32 = 0
        let error = withCStrings(["/bin/sh", "-c", "exec \"$@\" 2>&1", "sh"] + arguments) { argv in
            benchmark_run_capturing(argv, nil, &output, output.count, &status)
        }
        guard error == 0 else { throw BenchmarkFailure("cannot run /bin/sh: \(String(cString: strerror(error)))") }
        return (status, String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Spawns a worker (`factory-host serve LIBRARY`) bare, times it until its first line (the
    /// handshake), then ends its input and waits for it. - Returns: the time to the line.
    static func spawnUntilLine(_ arguments: CStringArray, environment: CStringArray) throws(BenchmarkFailure) -> Duration {
        var nanoseconds: Int64 = 0
        var status: Int32 = 0
        let error = benchmark_spawn_until_line(arguments.pointer, environment.pointer, &nanoseconds, &status)
        guard error == 0, status == 0 else {
            let why = error != 0 ? String(cString: strerror(error)) : "wait status \(status)"
            throw BenchmarkFailure("`\(arguments.strings.joined(separator: " "))` gave no first line: \(why)")
        }
        return .nanoseconds(nanoseconds)
    }

    /// `count` request/reply round trips to a forked C echo child (socket pair in, pipe out),
    /// each timed. - Returns: the round-trip times.
    static func pipeRoundTrips(count: Int, requestBytes: Int, replyBytes: Int) throws(BenchmarkFailure) -> [Duration] {
        var nanoseconds = [Int64](repeating: 0, count: count)
        let error = benchmark_pipe_round_trips(Int32(count), Int32(requestBytes), Int32(replyBytes), &nanoseconds)
        guard error == 0 else { throw BenchmarkFailure("the pipe round trips failed: \(String(cString: strerror(error)))") }
        return nanoseconds.map { .nanoseconds($0) }
    }

    /// `count` calls of a plugin's `plan` (and `free_string`) straight through its C table,
    /// each timed. - Returns: the call times.
    static func tablePlanCalls(library: String, configuration: String, objective: String, count: Int) throws(BenchmarkFailure) -> [Duration] {
        var nanoseconds = [Int64](repeating: 0, count: count)
        let result = benchmark_table_plan_calls(library, configuration, objective, Int32(count), &nanoseconds)
        guard result == 0 else { throw BenchmarkFailure("the C-table plan calls into \(library) failed (\(result))") }
        return nanoseconds.map { .nanoseconds($0) }
    }

    /// Calls `body` with a NULL-terminated array of C strings that lives as long as the call.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// A NULL-terminated C array of strings made once, outside any timed part, and freed with it.
final class CStringArray {
    let strings: [String]
    private let copies: [UnsafeMutablePointer<CChar>?]
    private let array: UnsafeMutablePointer<UnsafePointer<CChar>?>

    init(_ strings: [String]) {
        self.strings = strings
        copies = strings.map { strdup($0) }
        array = .allocate(capacity: strings.count + 1)
        for (index, copy) in copies.enumerated() { (array + index).initialize(to: UnsafePointer(copy)) }
        (array + strings.count).initialize(to: nil)
    }

    deinit {
        array.deallocate()
        copies.forEach { free($0) }
    }

    var pointer: UnsafePointer<UnsafePointer<CChar>?> { UnsafePointer(array) }
}

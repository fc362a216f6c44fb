import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Builds real plugin libraries for the probe benchmarks from the C example grid-greedy-c
/// (`examples/plugins/grid-greedy-c/grid_greedy.c`, `cc -shared -fPIC -O2`): the example as it is,
/// and any number of distinct plugin bundles, each compiled with its own name in its descriptor
/// (so each library's bytes, and so its content-addressed copy, differ).
struct PluginCompiler: Sendable {
    /// The C compiler.
    let compiler: String
    /// `grid_greedy.c`.
    let source: String
    /// The folder of `planner_plugin.h`.
    let includeDirectory: String
    /// The probe helper's C source (`Sources/factory-probe/probe.c`), when it is there.
    let probeSource: String?
    /// The sandbox launcher the probe helper links (`Sources/CLaunch`): its source and header folder.
    let launcherSource: String
    let launcherInclude: String

    /// The library file each generated bundle names.
    static let libraryName = "libplanner.so"
    /// What the example's descriptor (and plan output) call it, a quoted string inside C strings.
    private static let quotedExampleName = #"\"grid-greedy-c\""#

    /// A generated plugin bundle.
    struct Plugin: Sendable {
        var name: String
        var bundle: String
        var library: String
    }

    /// The compiler (`$CC` when it is a single word, else `cc`, looked up in `PATH`) and the
    /// example's source and ABI header in the repository at `root`.
    static func locate(repositoryRoot root: String) throws(BenchmarkFailure) -> PluginCompiler {
        let source = root + "/examples/plugins/grid-greedy-c/grid_greedy.c"
        let include = root + "/Sources/PlannerPluginABI/include"
        guard access(source, R_OK) == 0, access(include + "/planner_plugin.h", R_OK) == 0 else {
            throw BenchmarkFailure("the C example plugin \(source) or the header \(include)/planner_plugin.h is missing")
        }
        let requested = getenv("CC").map { String(cString: $0) }.flatMap { $0.contains(" ") || $0.isEmpty ? nil : $0 } ?? "cc"
        guard let compiler = lookUp(requested) else {
            throw BenchmarkFailure("no C compiler \(requested) in PATH (set CC to one): the probe benchmarks compile plugins")
        }
        let probeSource = root + "/Sources/factory-probe/probe.c"
        let launcherSource = root + "/Sources/CLaunch/claunch.c"
        return PluginCompiler(
            compiler: compiler, source: source, includeDirectory: include,
            probeSource: access(probeSource, R_OK) == 0 && access(launcherSource, R_OK) == 0 ? probeSource : nil,
            launcherSource: launcherSource, launcherInclude: root + "/Sources/CLaunch/include")
    }

    /// The probe helper compiled and linked by the C compiler alone (`cc -O2 probe.c claunch.c
    /// -ldl`), so it needs nothing but the C library, to `<folder>/factory-probe-cc`; `nil` without
    /// its sources.
    func compileProbe(into folder: String) throws(BenchmarkFailure) -> String? {
        guard let probeSource else { return nil }
        let executable = folder + "/factory-probe-cc"
        try run([
            compiler, "-O2", "-I", includeDirectory, "-I", launcherInclude, "-o", executable,
            probeSource, launcherSource, "-ldl",
        ])
        return executable
    }

    /// The example as it is, compiled to `<folder>/libgrid_greedy.so`; returns the library's path.
    func compileExample(into folder: String) throws(BenchmarkFailure) -> String {
        let library = folder + "/libgrid_greedy.so"
        try compile(source, to: library, defines: [])
        return library
    }

    /// Writes `count` bundles `<folder>/probe-bench-NNN/` (a manifest with grid-greedy-c's fields
    /// under the bundle's name, and `libplanner.so` compiled with that name in its descriptor),
    /// compiling on every core.
    func generatePlugins(count: Int, into folder: String) throws(BenchmarkFailure) -> [Plugin] {
        try SystemError.check(mkdir(folder, 0o755), "mkdir \(folder)")
        let original = String(decoding: try SystemError.readFile(source), as: UTF8.self)
        // The name becomes a macro: "{\"name\": \"" PLUGIN_NAME "\", ..." (string literal concatenation).
        let named = original.replacing(Self.quotedExampleName, with: #"\"" PLUGIN_NAME "\""#)
        guard named != original else {
            throw BenchmarkFailure("\(source) no longer names itself \(Self.quotedExampleName) in a C string: the generator cannot rename it")
        }
        let namedSource = folder + "/grid_greedy_named.c"
        try SystemError.writeFile(Array(named.utf8), to: namedSource)
        let digits = String(count - 1).count
        var plugins: [Plugin] = []
        for index in 0..<count {
            let name = "probe-bench-" + String(repeating: "0", count: max(0, digits - String(index).count)) + String(index)
            let bundle = folder + "/" + name
            try SystemError.check(mkdir(bundle, 0o755), "mkdir \(bundle)")
            try SystemError.writeFile(Array(Self.manifest(name: name, index: index, count: count).utf8), to: bundle + "/planner.json")
            plugins.append(Plugin(name: name, bundle: bundle, library: bundle + "/" + Self.libraryName))
        }
        let failures = Mutex<[String]>([])
        let generated = plugins
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let plugin = generated[index]
            do {
                try compile(namedSource, to: plugin.library, defines: [#"-DPLUGIN_NAME=""# + plugin.name + #"""#])
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }
        if let first = failures.withLock({ $0.first }) { throw BenchmarkFailure(first) }
        return plugins
    }

    /// grid-greedy-c's manifest under another name.
    static func manifest(name: String, index: Int, count: Int) -> String {
        """
        {"name": "\(name)", "version": "0.1.0", \
        "summary": "grid-greedy-c compiled as plugin \(index + 1) of \(count) for the probe benchmarks", \
        "capabilities": ["grid", "route", "2d", "fast"], "keywords": ["route", "path", "grid", "quick"], \
        "rank": 4, "boosts": {"fast": 4, "quick": 2}, "threadSafe": false, \
        "entry": {"kind": "dylib", "library": "\(libraryName)"}}

        """
    }

    func compile(_ file: String, to library: String, defines: [String]) throws(BenchmarkFailure) {
        try run([compiler, "-shared", "-fPIC", "-O2", "-I", includeDirectory] + defines + ["-o", library, file])
    }

    private func run(_ arguments: [String]) throws(BenchmarkFailure) {
        let (status, output) = try NativeCalls.runJoiningOutput(arguments)
        guard status == 0 else {
            throw BenchmarkFailure("`\(arguments.joined(separator: " "))` failed (wait status \(status)):\n\(output)")
        }
    }

    /// `name` when it is a path, else the first executable `name` in `PATH`.
    private static func lookUp(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Builds the workers group's plugin bundles from `Benchmarks/Fixtures/worker_bench.c`: one bundle
/// per name (`<folder>/<name>/planner.json` and `libplanner.so`, compiled with that name in its
/// descriptor and plans, so each library differs). A plan spins for the instance's configured
/// `"iterations"` (0: a constant one-step plan at once).
struct WorkerPlugins: Sendable {
    let compiler: PluginCompiler
    /// `worker_bench.c`.
    let source: String

    /// The compiler, and the plugin source in the repository at `root`.
    static func locate(repositoryRoot root: String, compiler: PluginCompiler) throws(BenchmarkFailure) -> WorkerPlugins {
        let source = root + "/Benchmarks/Fixtures/worker_bench.c"
        guard access(source, R_OK) == 0 else { throw BenchmarkFailure("the workers benchmark's plugin source \(source) is missing") }
        return WorkerPlugins(compiler: compiler, source: source)
    }

    /// Writes one bundle per name into `folder` (made here); returns the plugins.
    func generate(names: [String], into folder: String) throws(BenchmarkFailure) -> [PluginCompiler.Plugin] {
        try SystemError.check(mkdir(folder, 0o755), "mkdir \(folder)")
        var plugins: [PluginCompiler.Plugin] = []
        for name in names {
            let bundle = folder + "/" + name
            try SystemError.check(mkdir(bundle, 0o755), "mkdir \(bundle)")
            try SystemError.writeFile(Array(Self.manifest(name: name).utf8), to: bundle + "/planner.json")
            let library = bundle + "/" + PluginCompiler.libraryName
            try compiler.compile(source, to: library, defines: [#"-DPLUGIN_NAME=""# + name + #"""#])
            plugins.append(PluginCompiler.Plugin(name: name, bundle: bundle, library: library))
        }
        return plugins
    }

    /// The manifest: the descriptor's fields and the library.
    static func manifest(name: String) -> String {
        """
        {"name": "\(name)", "version": "0.1.0", \
        "summary": "A plan that spins for a configured number of iterations (workers benchmark)", \
        "capabilities": ["bench"], "keywords": ["bench"], "rank": 1, "threadSafe": false, \
        "entry": {"kind": "dylib", "library": "\(PluginCompiler.libraryName)"}}

        """
    }
}

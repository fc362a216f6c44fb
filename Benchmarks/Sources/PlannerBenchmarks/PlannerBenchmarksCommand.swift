import ArgumentParser
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// `PlannerBenchmarks [--quick] [--json PATH] [--factory PATH] [--sizes 1000,10000] [--only GROUPS]`:
/// generates bundles, measures discovery, rediscovery, ranking, telemetry and the CLI's peak RSS
/// against a C floor from the same run, and the sandbox probe (against a bare spawn of /bin/true),
/// first and second start with probes of real C plugins, in-process load and create; prints a
/// table (and JSON when asked).
@main
struct PlannerBenchmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "PlannerBenchmarks",
        abstract: "Benchmarks of PlannerFactory: medians, with ratios to a C syscall floor measured in the same run.")

    @Flag(help: "Fewer rounds and smaller batches: a quick look, not a result to quote.")
    var quick = false

    @Option(help: "Also write the results as JSON to this file.")
    var json: String?

    @Option(help: "The `factory` CLI to measure peak RSS of (default: `factory` beside this executable).")
    var factory: String?

    @Option(help: "Comma-separated bundle counts.")
    var sizes = "1000,10000"

    @Option(help: "Rounds of the discovery and plugin-start measurements (default 7, 3 with --quick), after one warm-up round.")
    var rounds: Int?

    @Flag(help: "Keep the generated bundles and print where they are.")
    var keep = false

    @Option(help: "Comma-separated groups to run: discovery (per size: floors, discovery, rediscovery, ranking, peak RSS), telemetry, probe, tui, workers, pddl, live (default: all).")
    var only: String?

    @Option(help: "The `factory-probe` helper (default: `factory-probe` beside this executable).")
    var probe: String?

    @Option(help: "The `factory-host` worker helper (default: `factory-host` beside this executable).")
    var host: String?

    @Option(help: "Dylib plugins to compile for the first and second start.")
    var plugins = 100

    func run() throws {
        let counts = sizes.split(separator: ",").map { Int(String($0.filter { !$0.isWhitespace })) ?? 0 }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--sizes takes positive whole numbers separated by commas, such as 1000,10000.")
        }
        var groups = Set(BenchmarkGroup.allCases)
        if let only {
            let names = only.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
            let picked = names.compactMap(BenchmarkGroup.init(rawValue:))
            guard !picked.isEmpty, picked.count == names.count else {
                let known = BenchmarkGroup.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--only takes groups among \(known), separated by commas.")
            }
            groups = Set(picked)
        }
        guard plugins > 0 else { throw ValidationError("--plugins takes a positive whole number.") }
        let probeTools = groups.contains(.probe) || groups.contains(.workers) ? probeTools() : .failure(BenchmarkFailure("not asked for"))
        if only != nil, case .failure(let why) = probeTools, groups.contains(.probe) {
            throw ValidationError("the probe benchmarks cannot run: \(why.description)")
        }
        let workerTools = groups.contains(.workers) ? workerTools(probeTools) : .failure(BenchmarkFailure("not asked for"))
        if only != nil, case .failure(let why) = workerTools, groups.contains(.workers) {
            throw ValidationError("the workers benchmarks cannot run: \(why.description)")
        }
        var suite = BenchmarkSuite(
            sizes: counts,
            rounds: max(1, rounds ?? (quick ? 3 : 7)),
            rankingSamples: quick ? 21 : 101,
            telemetryBatch: quick ? 200_000 : 1_000_000,
            telemetryBatches: quick ? 3 : 7,
            memoryRuns: quick ? 1 : 3,
            memoryTools: groups.contains(.discovery) ? try memoryTools() : nil,
            keepsBundles: keep)
        suite.groups = groups
        suite.probeSamples = quick ? 21 : 101
        suite.pluginCount = plugins
        suite.probeTools = probeTools
        suite.workerTools = workerTools
        suite.workerBatch = quick ? 100 : 250
        suite.workerRounds = quick ? 5 : 20
        suite.concurrencyRounds = quick ? 3 : 15
        if groups.contains(.pddl) { suite.plannerTools = plannerTools() }
        let loadBefore = LoadAverage.read()
        let results = try suite.run()
        let loadAfter = LoadAverage.read()
        print(ReportTable.render(results))
        let misses = results.filter { $0.isPassing == false }
        print(misses.isEmpty ? "\nEvery target met." : "\n\(misses.count) target(s) missed.")
        if groups.contains(.probe), case .failure(let why) = probeTools {
            print("The probe group was skipped: \(why.description)")
        }
        if groups.contains(.workers), case .failure(let why) = workerTools {
            print("The workers group was skipped: \(why.description)")
        }
        print("Ratios are wall-time medians over the C floor's median from the same run. CPU is the process's")
        print("CPU time over the same part (all threads). \(cores) cores; 1-minute load average \(loadBefore ?? "?") before,")
        print("\(loadAfter ?? "?") after: other work on the machine inflates wall times much more than CPU times.")
        if let json {
            let document: JSONValue = [
                "quick": .bool(quick),
                "cores": .number(Double(cores)),
                "loadAverageBefore": loadBefore.map(JSONValue.string) ?? .null,
                "loadAverageAfter": loadAfter.map(JSONValue.string) ?? .null,
                "results": .array(results.map(\.json)),
            ]
            try write(document.serialized(pretty: true) + "\n", to: json)
        }
    }

    private var cores: Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }

    /// The folder of this executable.
    private var ownFolder: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return String(own[..<(own.lastIndex(of: "/") ?? own.endIndex)])
    }

    /// The repository this package is part of (its sources hold the C example plugin), from this file's path.
    private var repositoryRoot: String {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }

    /// The `factory-probe` helper (`--probe` or beside this executable) and a C compiler with the
    /// repository's example plugin.
    private func probeTools() -> Result<ProbeTools, BenchmarkFailure> {
        let helper = probe ?? ownFolder + "/factory-probe"
        guard access(helper, X_OK) == 0 else {
            return .failure(BenchmarkFailure("no factory-probe at \(helper) (scripts/benchmark builds it; or give --probe PATH)"))
        }
        do {
            return .success(ProbeTools(probePath: helper, compiler: try PluginCompiler.locate(repositoryRoot: repositoryRoot)))
        } catch {
            return .failure(error)
        }
    }

    /// The probe's tools, the `factory-host` helper (`--host` or beside this executable) and the
    /// workers plugin's source.
    private func workerTools(_ probeTools: Result<ProbeTools, BenchmarkFailure>) -> Result<WorkerTools, BenchmarkFailure> {
        let helper = host ?? ownFolder + "/factory-host"
        guard access(helper, X_OK) == 0 else {
            return .failure(BenchmarkFailure("no factory-host at \(helper) (scripts/benchmark builds it; or give --host PATH)"))
        }
        return probeTools.flatMap { tools in
            do throws(BenchmarkFailure) {
                let plugins = try WorkerPlugins.locate(repositoryRoot: repositoryRoot, compiler: tools.compiler)
                return .success(WorkerTools(probePath: tools.probePath, hostPath: helper, plugins: plugins))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The planners of `scripts/install-planners` and the factory's helpers beside this executable.
    private func plannerTools() -> Result<PlannerRunTools, BenchmarkFailure> {
        let tools = PlannerRunTools(
            repository: repositoryRoot, probePath: probe ?? ownFolder + "/factory-probe", hostPath: host ?? ownFolder + "/factory-host")
        guard access(tools.python, X_OK) == 0, access(tools.bundles, F_OK) == 0 else {
            return .failure(BenchmarkFailure("no planners in \(tools.bundles) (run scripts/install-planners)"))
        }
        guard access(tools.probePath, X_OK) == 0, access(tools.hostPath, X_OK) == 0 else {
            return .failure(BenchmarkFailure("no factory-probe or factory-host beside this executable (scripts/benchmark builds them)"))
        }
        return .success(tools)
    }

    /// The `peak-rss` helper and the `factory` CLI: `--factory` or each beside this executable.
    private func memoryTools() throws -> (helper: String, factory: String)? {
        if let factory, access(factory, X_OK) != 0 {
            throw ValidationError("--factory \(factory) is not an executable file.")
        }
        let folder = ownFolder
        let helper = folder + "/peak-rss"
        let cli = factory ?? folder + "/factory"
        guard access(helper, X_OK) == 0, access(cli, X_OK) == 0 else {
            progress("no `peak-rss` or `factory` beside this executable: peak RSS is skipped (scripts/benchmark builds both)")
            return nil
        }
        return (helper, cli)
    }

    private func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchmarkFailure("cannot write \(path): \(SystemError.message())") }
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.utf8.count else { throw BenchmarkFailure("cannot write \(path): \(SystemError.message())") }
    }
}

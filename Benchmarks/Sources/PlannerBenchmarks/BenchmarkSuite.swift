#if canImport(Glibc)
import Glibc
#endif

/// The parts of the report `--only` can pick.
enum BenchmarkGroup: String, CaseIterable, Sendable {
    /// Per size: the floors, discovery, rediscovery, ranking, and the CLI's peak RSS.
    case discovery
    /// Telemetry appends.
    case telemetry
    /// The sandbox probe beside a bare spawn of /bin/true; first and second start with probes of
    /// real dylib plugins; in-process load and create.
    case probe
    /// The TUI: a frame at 200×60 and a keystroke-to-frame, with 10,000 planners.
    case tui
    /// Out-of-process plugins: a trivial plan through a warm worker against in-process, a
    /// worker's start against a spawn of /bin/true, busy plans over four workers at once.
    case workers
    /// The PDDL parser on a 10,000-line problem, against a C token scan of the same bytes.
    case pddl
    /// Selections while publishing live events: none, no subscriber, a subscriber that never reads.
    case live
}

/// Runs every measurement of the chosen groups (for each size) and collects the report's rows.
struct BenchmarkSuite {
    /// Sizes whose rows carry targets (the others are reported only).
    static let targetSize = 10_000

    var sizes: [Int]
    /// Rounds of the discovery measurements (after one warm-up round).
    var rounds: Int
    /// Samples of the ranking measurement (after warm-up).
    var rankingSamples: Int
    /// Appends per telemetry batch, and batches.
    var telemetryBatch: Int
    var telemetryBatches: Int
    /// Runs of the CLI for its peak RSS; the CLI and the `peak-rss` helper, when both are there.
    var memoryRuns: Int
    var memoryTools: (helper: String, factory: String)?
    var keepsBundles: Bool
    var groups: Set<BenchmarkGroup> = Set(BenchmarkGroup.allCases)
    /// Samples of each single spawn and probe (after warm-up), and the dylib plugins to generate.
    var probeSamples = 101
    var pluginCount = 100
    /// What the probe group needs, or why it cannot run.
    var probeTools: Result<ProbeTools, BenchmarkFailure> = .failure(BenchmarkFailure("not set up"))
    /// What the workers group needs, or why it cannot run.
    var workerTools: Result<WorkerTools, BenchmarkFailure> = .failure(BenchmarkFailure("not set up"))
    /// Plan calls per batch and batches of the workers group's single plans; rounds of its busy plans.
    var workerBatch = 250
    var workerRounds = 20
    var concurrencyRounds = 15
    /// What the pddl group's planner rows need, or why they cannot run.
    var plannerTools: Result<PlannerRunTools, BenchmarkFailure> = .failure(BenchmarkFailure("not set up"))

    func run() throws(BenchmarkFailure) -> [BenchmarkResult] {
        let generator = try BundleGenerator.makeTemporaryRoot()
        defer {
            if keepsBundles { progress("bundles kept in \(generator.root)") } else { generator.removeAll() }
        }
        let state = generator.root + "/state"
        try SystemError.check(mkdir(state, 0o755), "mkdir \(state)")
        var results: [BenchmarkResult] = []
        for size in groups.contains(.discovery) ? sizes : [] {
            progress("N=\(size): generating bundles")
            let folder = try generator.generate(count: size)
            sync()  // write the new files back now, not while something is being timed
            results += try discoveryAndRanking(folder: folder, size: size, state: state)
            if let memoryTools {
                progress("N=\(size): factory list (peak RSS)")
                let measurement = PeakMemoryMeasurement(
                    helper: memoryTools.helper, factoryExecutable: memoryTools.factory, folder: folder, stateDirectory: state)
                results += try peakMemory(measurement, size: size)
                let floorScan = String(memoryTools.helper.dropLast("peak-rss".count)) + "floor-scan"
                results += try wholeProcess(folder: folder, size: size, factory: memoryTools.factory, floorScan: floorScan, state: state)
            }
        }
        if groups.contains(.telemetry) { results += try telemetry() }
        if groups.contains(.probe) { results += try probing(root: generator.root) }
        if groups.contains(.tui) { results += try tui(generator: generator, state: state) }
        if groups.contains(.workers) { results += try workers(root: generator.root) }
        if groups.contains(.pddl) { results += try pddl(root: generator.root) }
        if groups.contains(.live) { results += try publishing(generator: generator) }
        return results
    }

    private func telemetry() throws(BenchmarkFailure) -> [BenchmarkResult] {
        progress("telemetry appends")
        let moved = TelemetryMeasurement(batch: telemetryBatch, handoff: .moved)
        let copied = TelemetryMeasurement(batch: telemetryBatch, handoff: .copied)
        let appends = try Sampler.run([moved, copied], warmUp: 1, rounds: telemetryBatches)
        return [
            BenchmarkResult(
                measurement: "telemetry recordSelection", size: nil, quantity: .time(appends[0]),
                target: .timeAtMost(.nanoseconds(100)),
                note: "records built beforehand and handed over; batches of \(telemetryBatch) appends into a full ring of 1000; median of batch time / \(telemetryBatch)"),
            BenchmarkResult(
                measurement: "telemetry, record copied in", size: nil, quantity: .time(appends[1]),
                note: "the same, each call copying one of 1024 shared records out of an array (the harness's copy included)"),
        ]
    }

    private func discoveryAndRanking(folder: String, size: Int, state: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let isTargetSize = size == Self.targetSize
        let floor = FloorMeasurement(folder: folder, expectedBundles: size)
        let statFloor = StatFloorMeasurement(folder: folder, library: BundleGenerator.libraryName, expectedBundles: size)
        let discovery = DiscoveryMeasurement(
            configuration: BenchmarkConfiguration.make(folder: folder, stateDirectory: state), expectedBundles: size)
        let fast = try RediscoveryMeasurement(folder: folder, stateDirectory: state, isDeep: false, expectedBundles: size)
        let deep = try RediscoveryMeasurement(folder: folder, stateDirectory: state, isDeep: true, expectedBundles: size)
        let first = FirstRediscoveryMeasurement(
            configuration: BenchmarkConfiguration.make(folder: folder, stateDirectory: state), expectedBundles: size)
        progress("N=\(size): floor, discovery, rediscovery (\(rounds) rounds)")
        let samples = try Sampler.run([floor, statFloor, discovery, fast, deep, first], warmUp: 1, rounds: rounds)
        let floorMedian = samples[0].median
        let bytes = try NativeCalls.floorScan(folder).bytes

        progress("N=\(size): ranking (\(rankingSamples) samples)")
        let ranking = try RankingMeasurement(factory: fast.factory)
        let rankings = try Sampler.run([ranking], warmUp: 10, rounds: rankingSamples)
        guard ranking.rankedCount == size, ranking.winner != nil else {
            throw BenchmarkFailure("ranking ranked \(ranking.rankedCount) planners (expected \(size)) and found no winner")
        }
        progress("N=\(size): first ranking (\(rounds) rounds)")
        let firstRanking = FirstRankingMeasurement(
            configuration: BenchmarkConfiguration.make(folder: folder, stateDirectory: state),
            capabilities: ranking.capabilities, expectedCount: size)
        let firstRankings = try Sampler.run([firstRanking], warmUp: 1, rounds: rounds)
        return [
            BenchmarkResult(
                measurement: "floor (C, 1 thread)", size: size, quantity: .time(samples[0]),
                note: "opendir/readdir, then stat, open, read, close each manifest (\(bytes / size) bytes on average); no parsing"),
            BenchmarkResult(
                measurement: "floor per bundle", size: size,
                quantity: .time(samples[0].divided(by: size))),
            BenchmarkResult(
                measurement: "stat floor (C, 1 thread)", size: size, quantity: .time(samples[1]), floor: floorMedian,
                note: "opendir/readdir, then fstatat each manifest and library (relative to the folder): what a fast rediscovery must do"),
            BenchmarkResult(
                measurement: "discovery (first discover)", size: size, quantity: .time(samples[2]),
                floor: floorMedian, target: isTargetSize ? .ratioAtMost(1.0) : nil),
            BenchmarkResult(
                measurement: "rediscovery, unchanged, fast", size: size, quantity: .time(samples[3]),
                floor: floorMedian, target: .ratioAtMost(0.3),
                note: "a long-lived factory: no change notified, so no bundle is examined"),
            BenchmarkResult(
                measurement: "rediscovery, first (stat+watch)", size: size, quantity: .time(samples[5]),
                floor: floorMedian,
                note: "the first rediscovery after discover(): fstatat of every manifest and library, adding the watches"),
            BenchmarkResult(
                measurement: "rediscovery, unchanged, deep", size: size, quantity: .time(samples[4]),
                floor: floorMedian),
            BenchmarkResult(
                measurement: "rank + winner + top 10", size: size, quantity: .time(rankings[0]),
                target: isTargetSize ? .timeAtMost(.microseconds(300)) : nil,
                note: "5 required capabilities (a winner exists), a 10-word objective"),
            BenchmarkResult(
                measurement: "first rank (index build)", size: size, quantity: .time(firstRankings[0]),
                note: "the same after a fresh discovery: builds the ranking index first (report only)"),
        ]
    }

    private func peakMemory(_ measurement: PeakMemoryMeasurement, size: Int) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let outcome = try measurement.run(times: memoryRuns)
        return [
            BenchmarkResult(
                measurement: "factory list peak RSS", size: size, quantity: .bytes(outcome.peakResidentBytes),
                target: size == Self.targetSize ? .bytesBelow(64 << 20) : nil,
                note: "ru_maxrss of `factory list --no-probe --plugin-path FOLDER > /dev/null`, from wait4 in the peak-rss helper"),
            BenchmarkResult(
                measurement: "factory list wall time", size: size, quantity: .time(Samples(outcome.timings)),
                note: "process start to exit, text output to /dev/null; CPU is the child's user + system time"),
        ]
    }
}

/// A progress line on standard error, so standard output holds only the report.
func progress(_ message: String) {
    var line = "… " + message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

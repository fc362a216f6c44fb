extension BenchmarkSuite {
    /// The PDDL group: parsing a 10,000-line problem (with its domain), against a C token scan of
    /// the same bytes; and, with the planners of `scripts/install-planners`, the factory's
    /// overhead on them against their own commands.
    func pddl(root: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let lines = 10_000
        let problem = LargeBlocksTask.problem(lines: lines)
        let counted = problem.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        progress("pddl: parsing a \(counted)-line problem (\(rankingSamples) samples)")
        let floor = TokenScanMeasurement(text: LargeBlocksTask.domain + problem)
        let parse = PDDLParseMeasurement(domain: LargeBlocksTask.domain, problem: problem, analyses: false)
        let analysed = PDDLParseMeasurement(domain: LargeBlocksTask.domain, problem: problem, analyses: true)
        let samples = try Sampler.run([floor, parse, analysed], warmUp: 3, rounds: rankingSamples)
        guard counted >= lines, parse.objects > 0, floor.tokens > 0 else {
            throw BenchmarkFailure("the PDDL benchmark's problem has \(counted) lines and \(parse.objects) objects")
        }
        let size = "\(counted) lines, \(problem.utf8.count / 1024) KiB, \(parse.objects) objects"
        var overhead: [BenchmarkResult] = []
        switch plannerTools {
        case .success(let tools): overhead = try plannerOverhead(tools: tools, root: root)
        case .failure(let why): progress("pddl: the planners' overhead is skipped: \(why.description)")
        }
        return [
            BenchmarkResult(
                measurement: "PDDL floor (C token scan)", size: nil, quantity: .time(samples[0]),
                note: "one pass over the domain and problem bytes counting \(floor.tokens) tokens; nothing built"),
            BenchmarkResult(
                measurement: "PDDL parse, 10,000-line problem", size: nil, quantity: .time(samples[1]),
                floor: samples[0].median, target: .timeAtMost(.milliseconds(20)),
                note: "PDDLParser.parseTask: blocks domain and a problem of \(size); every reference checked"),
            BenchmarkResult(
                measurement: "PDDL parse + features + sizes", size: nil, quantity: .time(samples[2]),
                floor: samples[0].median,
                note: "the same, then TaskFeatures and TaskSize (what `factory task` and selection by a task need)"),
        ] + overhead
    }
}

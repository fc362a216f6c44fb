import BenchmarkShims
import PDDL

/// Parsing a domain and a problem into a checked task (`PDDLParser.parseTask`: reading, the
/// model, every reference checked), optionally with the task's features and sizes.
final class PDDLParseMeasurement: Measurement {
    let domain: String
    let problem: String
    let analyses: Bool
    private(set) var objects = 0

    init(domain: String, problem: String, analyses: Bool) {
        self.domain = domain
        self.problem = problem
        self.analyses = analyses
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        let task: ParsedTask
        do {
            task = try PDDLParser.parseTask(domain: domain, problem: problem)
        } catch {
            throw BenchmarkFailure("the benchmark's PDDL task does not parse: \(error)")
        }
        if analyses {
            blackHole(TaskFeatures(task))
            blackHole(TaskSize(task))
        }
        let timing = stopwatch.elapsed()
        objects = task.objects.count
        blackHole(task)
        return timing
    }
}

/// The floor: one C pass over the same bytes counting tokens (see `benchmark_token_scan`).
final class TokenScanMeasurement: Measurement {
    let bytes: [UInt8]
    private(set) var tokens: Int64 = 0

    init(text: String) {
        bytes = Array(text.utf8)
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        let counted = bytes.withUnsafeBufferPointer { benchmark_token_scan($0.baseAddress, $0.count) }
        let timing = stopwatch.elapsed()
        tokens = counted
        return timing
    }
}

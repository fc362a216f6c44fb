/// The floor of a call to a worker: request/reply round trips to a forked C child that answers
/// each line at once, wired like a worker (a socket pair for requests, a pipe for replies), with
/// lines as long as the factory's plan request and the worker's reply. Two processes, four
/// system calls and two wake-ups per call; no JSON. One sample is a batch on a fresh child.
final class PipeRoundTripMeasurement: Measurement {
    let requestBytes: Int
    let replyBytes: Int
    let batch: Int
    var operationsPerSample: Int { batch }
    /// Per sample (warm-up included): each round trip's wall time.
    private(set) var calls: [[Duration]] = []

    init(requestBytes: Int, replyBytes: Int, batch: Int) {
        self.requestBytes = requestBytes
        self.replyBytes = replyBytes
        self.batch = batch
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var times: [Duration] = []
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in
            times = try NativeCalls.pipeRoundTrips(count: batch, requestBytes: requestBytes, replyBytes: replyBytes)
        }
        calls.append(times)
        return timing
    }
}

import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// A worker's output split into lines, however the reads cut it.
struct WorkerLineReaderTests {
    /// Feeds `output` in chunks of `size` bytes; the lines, and whether the limit was passed.
    static func lines(of output: [UInt8], chunk size: Int, limit: Int = 64) -> (lines: [[UInt8]], overflowed: Bool, pending: Int) {
        var reader = WorkerLineReader(maximumLineLength: limit)
        var lines: [[UInt8]] = []
        var start = 0
        while start < output.count {
            let end = min(output.count, start + size)
            let isWithinLimit = output[start..<end].withUnsafeBytes { reader.append($0) { lines.append(Array($0)) } }
            guard isWithinLimit else { return (lines, true, reader.pendingCount) }
            start = end
        }
        return (lines, false, reader.pendingCount)
    }

    @Test(arguments: [1, 2, 5, 64, 4096])
    func givesTheSameLinesForAnyChunkSize(size: Int) {
        let output = Array("{\"a\": 1}\n\n{\"id\": 2}\r\n\u{e9}\u{1F600}\nunfinished".utf8)
        let result = Self.lines(of: output, chunk: size)
        #expect(result.lines == ["{\"a\": 1}", "", "{\"id\": 2}\r", "\u{e9}\u{1F600}"].map { Array($0.utf8) })
        #expect(!result.overflowed)
        #expect(result.pending == "unfinished".utf8.count)
    }

    @Test func anUnfinishedLineOverTheLimitIsDropped() {
        let output = Array(("ok\n" + String(repeating: "x", count: 65)).utf8)
        let result = Self.lines(of: output, chunk: 100)
        #expect(result.lines == [Array("ok".utf8)])
        #expect(result.overflowed)
        #expect(result.pending == 0)
        // Exactly at the limit it waits for the rest.
        #expect(!Self.lines(of: Array(repeating: UInt8(ascii: "x"), count: 64), chunk: 100).overflowed)
    }

    /// The `worker-lines` fuzz target's corpus: its first byte chose the fuzzer's cutting; here
    /// three fixed cuttings must give the lines of the whole output.
    @Test func theFuzzCorpusSplitsAlikeHoweverCut() throws {
        let inputs = try FuzzCorpus.inputs(of: "worker-lines")
        #expect(inputs.count >= 3, "the committed corpus is there")
        for (name, input) in inputs where !input.isEmpty {
            let output = Array(input.dropFirst())
            var expected = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            let unfinished = expected.removeLast()
            for size in [1, 13, output.count + 1] {
                let result = Self.lines(of: output, chunk: size, limit: 1 << 20)
                #expect(result.lines == expected, "\(name), chunks of \(size)")
                #expect(result.pending == unfinished.count, "\(name), chunks of \(size)")
            }
            for (offset, line) in expected.enumerated() {
                _ = try? WorkerMessage(line: line[...], number: offset + 1)
            }
        }
    }
}

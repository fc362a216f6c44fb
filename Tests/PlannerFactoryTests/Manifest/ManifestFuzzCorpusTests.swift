import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The `manifest` fuzz target's corpus (Fuzz/Corpus/manifest), replayed in every test run through
/// its property: whatever the fast decoder decodes, the full parser decodes alike, and
/// `ManifestParser.parse` gives the fast result when there is one.
struct ManifestFuzzCorpusTests {
    @Test func theFastDecoderAndTheFullParserAgreeOnTheCorpus() throws {
        let inputs = try FuzzCorpus.inputs(of: "manifest")
        #expect(inputs.count >= 20, "the committed corpus is there")
        var decodedFast = 0
        var parsed = 0
        for (name, bytes) in inputs {
            let fast = bytes.withUnsafeBufferPointer(ManifestFastDecoder.decode)
            let full = ManifestParser.parseFully(bytes, file: "planner.json")
            if let fast {
                decodedFast += 1
                #expect((try? full.get()) == fast, "\(name)")
            }
            if case .success = full { parsed += 1 }
            let expected = fast.map { Result<PlannerManifest, ManifestProblem>.success($0) } ?? full
            #expect(ManifestParser.parse(bytes, file: "planner.json") == expected, "\(name)")
        }
        #expect(decodedFast > 0, "some inputs take the fast path")
        #expect(parsed > decodedFast, "some valid inputs need the full parser")
    }
}

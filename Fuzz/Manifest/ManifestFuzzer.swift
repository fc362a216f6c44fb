import PlannerKit

/// libFuzzer target `manifest` (scripts/fuzz): the bytes of a `planner.json`, read by the fast
/// decoder and by the full parser, which must agree. The fast decoder may give up (`nil`) on
/// anything unusual, since discovery then asks the full parser; but whatever it decodes, the full
/// parser must accept and decode to the same manifest, and `ManifestParser.parse` (what discovery
/// calls) must give the fast result when there is one and the full parser's otherwise. Built with
/// the files of `Sources/PlannerFactory/Manifest` and what they use into one module, so it sees
/// their internal declarations.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let fast = ManifestFastDecoder.decode(bytes)
    let full = ManifestParser.parseFully(bytes, file: "planner.json")
    if let fast {
        switch full {
        case .success(let manifest) where manifest == fast:
            break
        case .success(let manifest):
            fatalError("the fast decoder and the full parser disagree:\n  fast: \(fast)\n  full: \(manifest)")
        case .failure(let problem):
            fatalError("the fast decoder accepts what the full parser rejects (\(problem)):\n  fast: \(fast)")
        }
    }
    let chosen = ManifestParser.parse(bytes, file: "planner.json")
    let expected = fast.map { Result<PlannerManifest, ManifestProblem>.success($0) } ?? full
    guard chosen == expected else {
        fatalError("ManifestParser.parse gives \(chosen), not \(expected)")
    }
    return 0
}

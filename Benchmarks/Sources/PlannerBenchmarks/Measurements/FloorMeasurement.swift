/// The syscall floor: the single-threaded C loop over the plugin folder (list, then stat, open,
/// read and close every manifest; no parsing).
final class FloorMeasurement: Measurement {
    let folder: String
    let expectedBundles: Int

    init(folder: String, expectedBundles: Int) {
        self.folder = folder
        self.expectedBundles = expectedBundles
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var read = (manifests: 0, bytes: 0)
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in read = try NativeCalls.floorScan(folder) }
        guard read.manifests == expectedBundles else {
            throw BenchmarkFailure("the floor read \(read.manifests) manifests in \(folder), expected \(expectedBundles)")
        }
        return timing
    }
}

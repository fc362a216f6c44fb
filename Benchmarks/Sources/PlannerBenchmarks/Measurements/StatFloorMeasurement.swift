/// A second, lower floor: the least a fast rediscovery with nothing changed must do, as a
/// single-threaded C loop (list the folder, `fstatat` each manifest and library relative to it).
/// Reported to show how much of rediscovery is system calls and how much is the factory's own work.
final class StatFloorMeasurement: Measurement {
    let folder: String
    let library: String
    let expectedBundles: Int

    init(folder: String, library: String, expectedBundles: Int) {
        self.folder = folder
        self.library = library
        self.expectedBundles = expectedBundles
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var found = 0
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in found = try NativeCalls.statScan(folder, library: library) }
        guard found == expectedBundles else {
            throw BenchmarkFailure("the stat loop found \(found) bundles in \(folder), expected \(expectedBundles)")
        }
        return timing
    }
}

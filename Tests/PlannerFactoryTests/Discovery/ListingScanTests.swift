import Foundation
import Testing
@testable import PlannerFactory

/// The first discovery lists and scans at once (`ListingScan`); it must give exactly what listing
/// first and then scanning each location gives: the same bundles in the same order, the same
/// warnings.
@Suite struct ListingScanTests {
    /// Several search folders (one missing, one given twice, one a file), hundreds of bundles
    /// (several batches, scanned by every thread), names out of order on disk, hidden entries,
    /// plain files, a linked bundle, a dangling link, an invalid manifest.
    @Test(arguments: [1, 2, 4])
    func givesWhatListingThenScanningGives(workers: Int) throws {
        let root = try TemporaryFolder()
        for index in (0..<300).reversed() {
            try root.bundle("a/b\(String(index, radix: 7))", name: "p\(index)", capabilities: ["c\(index % 5)"])
        }
        try root.bundle("b/zeta", name: "zeta")
        try root.bundle("b/Alpha", name: "alpha")
        try root.bundle("b/.hidden", name: "hidden")
        _ = try root.write("b/notes.txt", "not a bundle")
        _ = try root.write("b/broken/planner.json", "{")
        try root.bundle("elsewhere/linked", name: "linked")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/b/link", withDestinationPath: root.path + "/elsewhere/linked")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/b/dangling", withDestinationPath: root.path + "/nowhere")
        _ = try root.write("file", "a file, not a folder")
        let pluginPath = ["a", "missing", "b", "a/", "file"].map { root.path + "/" + $0 }
        let scanner = BundleScanner(isDeep: false)

        let (bundles, warnings) = ListingScan.run(pluginPath: pluginPath, scanner: scanner, workers: workers)

        let (locations, expectedWarnings) = BundleLister.list(pluginPath: pluginPath)
        let expected = locations.map { scanner.scan($0) }
        #expect(bundles.map(\.location.path) == expected.map(\.location.path))
        #expect(bundles.map(\.record) == expected.map(\.record))
        #expect(bundles.map(\.fingerprint) == expected.map(\.fingerprint))
        #expect(bundles.map(\.isWatchable) == expected.map(\.isWatchable))
        #expect(bundles.map(\.location.listingProblem) == expected.map(\.location.listingProblem))
        #expect(warnings == expectedWarnings)
        #expect(bundles.count == 300 + 5, "300 in a, zeta, Alpha, broken, link and dangling in b")
        #expect(warnings.count == 3, "a repeated folder, a missing one and a file: \(warnings)")
        #expect(bundles.first?.location.folderName == "b0", "in byte order, not the order of creation")
    }

    @Test func anEmptyPluginPathGivesNothing() throws {
        let (bundles, warnings) = ListingScan.run(pluginPath: [], scanner: BundleScanner(isDeep: false))
        #expect(bundles.isEmpty)
        #expect(warnings.isEmpty)
    }
}

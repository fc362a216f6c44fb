/// Finds the bundles of the plugin path and scans the new and changed ones on all cores; bundles
/// whose fingerprint is unchanged are reused without reading their manifests.
struct DiscoveryEngine: Sendable {
    var pluginPath: [String]
    var scanner: BundleScanner

    /// The result of one pass.
    struct Pass: Sendable {
        /// Every bundle, in plugin-path order, then folder-name order.
        var bundles: [ScannedBundle]
        var report: DiscoveryReport
        /// Nothing was added, removed or changed, and the order is the same: `bundles` is the
        /// previous pass's array itself.
        var isUnchanged: Bool
    }

    private enum Outcome: Sendable {
        /// Unchanged: the bundle at this index of the previous order, and whether it is still there.
        case unchanged(Int, Bool)
        case added(ScannedBundle)
        case changed(ScannedBundle)
    }

    /// Scans the plugin path, reusing bundles of `previous` whose fingerprint is unchanged.
    /// - Parameters:
    ///   - previous: the last pass's bundles, in order.
    ///   - previousIndex: bundle path → index in `previous`.
    func run(previous: [ScannedBundle], previousIndex: [String: Int]) -> Pass {
        let start = ContinuousClock.now
        let (locations, warnings) = BundleLister.list(pluginPath: pluginPath)
        let folders = SearchFolders(locations)
        defer { folders.close() }
        let scanner = scanner
        let outcomes: [Outcome] = parallelMap(count: locations.count) { index in
            let location = locations[index]
            let folder = folders[location.searchFolder]
            let isInPlace = index < previous.count && previous[index].location == location
            guard let position = isInPlace ? index : previousIndex[location.path] else {
                return .added(scanner.scan(location, in: folder))
            }
            let fingerprint = scanner.currentFingerprint(of: location, library: previous[position].library, in: folder)
            if fingerprint == previous[position].fingerprint {
                return .unchanged(position, isInPlace)
            }
            return .changed(scanner.scan(location, in: folder, knownDeepFingerprint: scanner.isDeep ? fingerprint : nil))
        }
        var report = DiscoveryReport(added: [], removed: [], changed: [], unchangedCount: 0, warnings: warnings, duration: .zero)
        var isUnchanged = locations.count == previous.count
        var bundles: [ScannedBundle] = []
        for outcome in outcomes {
            switch outcome {
            case .unchanged(_, let isInPlace):
                report.unchangedCount += 1
                if !isInPlace { isUnchanged = false }
            case .added(let bundle):
                report.added.append(bundle.location.path)
                isUnchanged = false
            case .changed(let bundle):
                report.changed.append(bundle.location.path)
                isUnchanged = false
            }
        }
        if !isUnchanged {
            bundles.reserveCapacity(outcomes.count)
            for (index, outcome) in outcomes.enumerated() {
                switch outcome {
                case .unchanged(let position, _):
                    var bundle = previous[position]
                    bundle.location = locations[index]
                    bundles.append(bundle)
                case .added(let bundle), .changed(let bundle): bundles.append(bundle)
                }
            }
            let present = Set(locations.map(\.path))
            report.removed = previousIndex.keys.filter { !present.contains($0) }.sorted { $0.precedesInByteOrder($1) }
        }
        report.duration = ContinuousClock.now - start
        return Pass(bundles: isUnchanged ? previous : bundles, report: report, isUnchanged: isUnchanged)
    }
}

/// Descriptors of the search folders, open for the length of one pass, so each bundle's system
/// calls use a short path relative to its folder.
private struct SearchFolders: Sendable {
    private let descriptors: [String: Int32]

    init(_ locations: [BundleLocation]) {
        var descriptors: [String: Int32] = [:]
        var last: String?
        for location in locations where location.searchFolder != last {
            last = location.searchFolder
            if descriptors[location.searchFolder] == nil, let descriptor = FileSystem.openFolder(location.searchFolder) {
                descriptors[location.searchFolder] = descriptor
            }
        }
        self.descriptors = descriptors
    }

    subscript(folder: String) -> Int32? { descriptors[folder] }

    func close() {
        descriptors.values.forEach(FileSystem.closeFolder)
    }
}

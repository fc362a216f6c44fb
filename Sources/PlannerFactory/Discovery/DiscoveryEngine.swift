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
    }

    /// Scans the plugin path, reusing `previous` (by bundle path) where the fingerprint is unchanged.
    func run(previous: [String: ScannedBundle]) -> Pass {
        let start = ContinuousClock.now
        let (locations, warnings) = BundleLister.list(pluginPath: pluginPath)
        let scanner = scanner
        let outcomes: [(bundle: ScannedBundle, change: Change)] = parallelMap(count: locations.count) { index in
            let location = locations[index]
            guard let old = previous[location.path] else {
                return (scanner.scan(location), .added)
            }
            let fingerprint = scanner.currentFingerprint(of: location, entryPath: old.entryPath)
            if fingerprint == old.fingerprint {
                var reused = old
                reused.location = location
                return (reused, .unchanged)
            }
            return (scanner.scan(location, knownDeepFingerprint: scanner.isDeep ? fingerprint : nil), .changed)
        }
        var report = DiscoveryReport(added: [], removed: [], changed: [], unchangedCount: 0, warnings: warnings, duration: .zero)
        var present = Set<String>()
        present.reserveCapacity(outcomes.count)
        for (bundle, change) in outcomes {
            present.insert(bundle.location.path)
            switch change {
            case .added: report.added.append(bundle.location.path)
            case .changed: report.changed.append(bundle.location.path)
            case .unchanged: report.unchangedCount += 1
            }
        }
        report.removed = previous.keys.filter { !present.contains($0) }.sorted()
        report.duration = ContinuousClock.now - start
        return Pass(bundles: outcomes.map(\.bundle), report: report)
    }

    private enum Change: Sendable {
        case added, changed, unchanged
    }
}

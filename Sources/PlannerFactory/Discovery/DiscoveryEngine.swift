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
        case unchanged(Int, isInPlace: Bool)
        case added(ScannedBundle)
        case changed(ScannedBundle)
        /// Not at the same place as before: to be looked up by path.
        case unresolved
    }

    /// Scans the plugin path, reusing bundles of `previous` (the last pass, in order) whose
    /// fingerprint is unchanged. A bundle still at its old position is matched by position; the
    /// others by path, with an index built only when some bundle moved.
    func run(previous: [ScannedBundle]) -> Pass {
        let start = ContinuousClock.now
        let (locations, warnings) = BundleLister.list(pluginPath: pluginPath)
        let folders = SearchFolders(locations)
        defer { folders.close() }
        var outcomes: [Outcome] = parallelMap(count: locations.count) { index in
            guard !previous.isEmpty else { return .added(scanner.scan(locations[index], in: folders[locations[index]])) }
            guard index < previous.count, previous[index].location == locations[index] else { return .unresolved }
            return check(locations[index], against: previous, at: index, isInPlace: true, folders: folders)
        }
        let unresolved = outcomes.indices.filter { if case .unresolved = outcomes[$0] { true } else { false } }
        var previousPaths: [String: Int] = [:]
        if !unresolved.isEmpty {
            previousPaths = Dictionary(previous.indices.map { (previous[$0].location.path, $0) }, uniquingKeysWith: { first, _ in first })
            let resolved: [Outcome] = parallelMap(count: unresolved.count) { [previousPaths] item in
                let location = locations[unresolved[item]]
                guard let position = previousPaths[location.path] else { return .added(scanner.scan(location, in: folders[location])) }
                return check(location, against: previous, at: position, isInPlace: false, folders: folders)
            }
            for (item, index) in unresolved.enumerated() { outcomes[index] = resolved[item] }
        }
        var report = DiscoveryReport(added: [], removed: [], changed: [], unchangedCount: 0, warnings: warnings, duration: .zero)
        let isUnchanged = unresolved.isEmpty && locations.count == previous.count
            && outcomes.allSatisfy { if case .unchanged = $0 { true } else { false } }
        var bundles: [ScannedBundle] = []
        if !isUnchanged { bundles.reserveCapacity(outcomes.count) }
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .unchanged(let position, _):
                report.unchangedCount += 1
                if !isUnchanged {
                    var bundle = previous[position]
                    bundle.location = locations[index]
                    bundles.append(bundle)
                }
            case .added(let bundle):
                report.added.append(bundle.location.path)
                bundles.append(bundle)
            case .changed(let bundle):
                report.changed.append(bundle.location.path)
                bundles.append(bundle)
            case .unresolved:
                break
            }
        }
        if !isUnchanged, !previous.isEmpty {
            let present = Set(locations.map(\.path))
            report.removed = previous.map(\.location.path).filter { !present.contains($0) }.sorted { $0.precedesInByteOrder($1) }
        }
        report.duration = ContinuousClock.now - start
        return Pass(bundles: isUnchanged ? previous : bundles, report: report, isUnchanged: isUnchanged)
    }

    /// Whether the bundle at `location` is unchanged since `previous[position]`; rescans it if not.
    private func check(
        _ location: BundleLocation, against previous: [ScannedBundle], at position: Int, isInPlace: Bool, folders: SearchFolders
    ) -> Outcome {
        let folder = folders[location]
        let fingerprint = scanner.currentFingerprint(of: location, library: previous[position].library, in: folder)
        if fingerprint == previous[position].fingerprint {
            return .unchanged(position, isInPlace: isInPlace)
        }
        return .changed(scanner.scan(location, in: folder, knownDeepFingerprint: scanner.isDeep ? fingerprint : nil))
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

    subscript(location: BundleLocation) -> Int32? { descriptors[location.searchFolder] }

    func close() {
        descriptors.values.forEach(FileSystem.closeFolder)
    }
}

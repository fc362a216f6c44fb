/// Finds the bundles of the plugin path and scans the new and changed ones on all cores; bundles
/// whose fingerprint is unchanged are reused without reading their manifests.
struct DiscoveryEngine: Sendable {
    var pluginPath: [String]
    var scanner: BundleScanner
    /// Change notification, when the system has it and the fingerprint is fast (a deep
    /// fingerprint covers sub-folders, which folder watches do not).
    var watcher: ChangeWatcher?

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
        /// Unchanged: the bundle at this index of the previous order.
        case unchanged(Int)
        case added(ScannedBundle)
        case changed(ScannedBundle)
        /// Not at the same place as before: to be looked up by path.
        case unresolved
    }

    /// Scans the plugin path, reusing bundles of `previous` (the last pass, in order) whose
    /// fingerprint is unchanged. A bundle still at its old position is matched by position; the
    /// others by path, with an index built only when some bundle moved.
    func run(previous: [ScannedBundle], previousWarnings: [String]) -> Pass {
        let start = ContinuousClock.now
        if let unchanged = unchangedByWatch(previous: previous, warnings: previousWarnings, start: start) {
            return unchanged
        }
        // Watches are set up by rediscoveries only (see ChangeWatcher).
        let watcher = previous.isEmpty ? nil : watcher
        let (locations, warnings) = BundleLister.list(pluginPath: pluginPath, watcher: watcher)
        let folders = SearchFolders(locations)
        defer { folders.close() }
        if previous.isEmpty {
            // A first discovery: every bundle is new; the scans are the result, with no copying.
            let bundles: [ScannedBundle] = parallelMap(count: locations.count) { scan(locations[$0], in: folders, watcher: nil) }
            var report = DiscoveryReport(
                added: locations.map(\.path), removed: [], changed: [], unchangedCount: 0, warnings: warnings, duration: .zero)
            report.duration = ContinuousClock.now - start
            return Pass(bundles: bundles, report: report, isUnchanged: bundles.isEmpty)
        }
        var outcomes: [Outcome] = parallelMap(count: locations.count) { index in
            guard index < previous.count, previous[index].location.isSame(as: locations[index]) else { return .unresolved }
            return check(locations[index], against: previous, at: index, folders: folders, watcher: watcher)
        }
        let unresolved = outcomes.indices.filter { if case .unresolved = outcomes[$0] { true } else { false } }
        if !unresolved.isEmpty {
            let previousPaths = Dictionary(previous.indices.map { (PathKey(previous[$0].location.path), $0) }, uniquingKeysWith: { first, _ in first })
            let resolved: [Outcome] = parallelMap(count: unresolved.count) { item in
                let location = locations[unresolved[item]]
                guard let position = previousPaths[PathKey(location.path)] else { return .added(scan(location, in: folders, watcher: watcher)) }
                return check(location, against: previous, at: position, folders: folders, watcher: watcher)
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
            case .unchanged(let position):
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
            let present = Set(locations.map { PathKey($0.path) })
            report.removed = previous.map(\.location.path).filter { !present.contains(PathKey($0)) }.sorted { $0.precedesInByteOrder($1) }
        }
        report.duration = ContinuousClock.now - start
        return Pass(bundles: isUnchanged ? previous : bundles, report: report, isUnchanged: isUnchanged)
    }

    /// When no change was notified since the last pass, that pass's result (after checking the
    /// bundles no watch covers by `stat`); `nil` when a full pass is needed.
    private func unchangedByWatch(previous: [ScannedBundle], warnings: [String], start: ContinuousClock.Instant) -> Pass? {
        guard let watcher, !previous.isEmpty,
              watcher.isWatching(searchFolders: BundleLister.searchFolders(pluginPath).folders.map(\.folder)),
              !watcher.drainEvents()
        else { return nil }
        let unwatched = watcher.uncovered(previous)
        let changed: [Bool] = parallelMap(count: unwatched.count) { item in
            let bundle = previous[unwatched[item]]
            return scanner.currentFingerprint(of: bundle) != bundle.fingerprint
        }
        guard !changed.contains(true) else { return nil }
        var report = DiscoveryReport(
            added: [], removed: [], changed: [], unchangedCount: previous.count, warnings: warnings,
            duration: ContinuousClock.now - start)
        report.isFromChangeNotification = true
        return Pass(bundles: previous, report: report, isUnchanged: true)
    }

    /// Scans a bundle, watching its folder first (when rediscovering) so that no later change goes unnoticed.
    private func scan(
        _ location: BundleLocation, in folders: SearchFolders, watcher: ChangeWatcher?
    ) -> ScannedBundle {
        watcher?.watchBundle(location.path)
        return scanner.scan(location, in: folders[location])
    }

    /// Whether the bundle at `location` is unchanged since `previous[position]`; rescans it if not.
    private func check(
        _ location: BundleLocation, against previous: [ScannedBundle], at position: Int, folders: SearchFolders,
        watcher: ChangeWatcher?
    ) -> Outcome {
        if previous[position].isWatchable {
            watcher?.watchBundle(location.path)  // before the fingerprint: a change after it is notified
        }
        let fingerprint = scanner.currentFingerprint(
            of: location, library: previous[position].library, commandFiles: previous[position].commandFiles, in: folders[location])
        if fingerprint == previous[position].fingerprint {
            return .unchanged(position)
        }
        return .changed(scan(location, in: folders, watcher: watcher))
    }
}

/// Descriptors of the search folders, open for the length of one pass, so each bundle's system
/// calls use a short path relative to its folder. Found by the location's place in the plugin
/// path (an array index, not a hash of the folder's path for every bundle).
private struct SearchFolders: Sendable {
    /// By `BundleLocation.searchIndex`; `nil` where a folder could not be opened.
    private let descriptors: [Int32?]

    init(_ locations: [BundleLocation]) {
        var descriptors: [Int32?] = []
        for location in locations where location.searchIndex >= descriptors.count {
            descriptors += Array(repeating: nil, count: location.searchIndex + 1 - descriptors.count)
            descriptors[location.searchIndex] = FileSystem.openFolder(location.searchFolder)
        }
        self.descriptors = descriptors
    }

    subscript(location: BundleLocation) -> Int32? {
        location.searchIndex < descriptors.count ? descriptors[location.searchIndex] : nil
    }

    func close() {
        for case let descriptor? in descriptors { FileSystem.closeFolder(descriptor) }
    }
}

/// A path compared and hashed by its bytes, not by Unicode equivalence.
struct PathKey: Hashable, Sendable {
    let bytes: [UInt8]
    init(_ path: String) { bytes = Array(path.utf8) }
}

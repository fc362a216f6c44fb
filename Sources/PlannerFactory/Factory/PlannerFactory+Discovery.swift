extension PlannerFactory {
    /// Discovers the bundles of the plugin path. The first call scans every bundle; later calls
    /// re-read only bundles whose fingerprint changed, add new ones and drop removed ones.
    /// Reads manifests only: no plugin code runs. Never throws: a broken bundle becomes an
    /// `invalid` record and a missing search-path folder a warning.
    /// - Returns: what was added, removed, changed and unchanged.
    @discardableResult
    public func discover() -> DiscoveryReport {
        discoveryLock.withLock { _ in
            let (previous, previousWarnings) = state.withLock { ($0.bundleOrder, $0.listingWarnings) }
            let engine = DiscoveryEngine(
                pluginPath: configuration.pluginPath,
                scanner: BundleScanner(isDeep: configuration.isDeepFingerprint),
                watcher: watcher)
            let pass = engine.run(previous: previous, previousWarnings: previousWarnings)
            var report = pass.report
            let plugins = pass.bundles.indices.reduce(0) { pass.bundles[$1].record.kind.isPlugin ? $0 + 1 : $0 }
            var loaded: ProbeStore.Contents?
            var probeToken: ProbeStore.ChangeToken?
            var unsavedCrashes: [Fingerprint: ProbeRecord] = [:]
            if plugins > 0 {
                let crashes = quarantineCrashedLoads()
                report.warnings += crashes.warnings
                unsavedCrashes = crashes.unsaved
                // The records are read again only when they changed (another process probed);
                // they are read once, without a lock, and tidied at the first discovery.
                probeToken = probeStore.changeToken()
                let (isFirst, previousToken) = state.withLock { ($0.isStateFolderTidied == false, $0.probeToken) }
                if isFirst || probeToken == nil || probeToken != previousToken {
                    var contents = probeStore.load()
                    if isFirst {
                        state.withLock { $0.isStateFolderTidied = true }
                        contents.warnings += tidyStateFolder(pass.bundles, &contents)
                    }
                    report.warnings += contents.warnings
                    loaded = contents
                }
                if !configuration.isSandboxEnabled {
                    report.warnings.append(
                        "FACTORY_SANDBOX is off: \(plugins) plugin(s) count as active without a sandbox probe, so their code would be loaded unchecked. This is unsafe.")
                }
            }
            let dropped = state.withLock { state -> [PlannerInstance] in
                state.listingWarnings = pass.report.warnings
                state.warnings = report.warnings
                state.lastDiscovery = report
                let unsaved = unsavedCrashes.merging(state.unsavedQuarantines) { crash, _ in crash }
                let probesChanged = !unsavedCrashes.isEmpty || loaded.map {
                    $0.records != state.probeRecords || $0.unreadable != state.unreadableProbes || $0.problem != state.probeStoreProblem
                } ?? false
                if let loaded {
                    state.probeRecords = loaded.records
                    state.unreadableProbes = loaded.unreadable
                    state.probeStoreProblem = loaded.problem
                }
                // A crash, or faults, whose quarantine could not be stored yet hold here (fail closed).
                state.probeRecords.merge(unsaved) { _, kept in kept }
                state.probeToken = probeToken
                if !pass.isUnchanged || probesChanged {
                    state.bundleOrder = pass.bundles
                    return Self.rebuildRegistry(&state)
                }
                return []
            }
            drop(dropped)
            logger.info("discovery finished", metadata: ["summary": "\(report.summary)"])
            for warning in report.warnings { logger.warning("\(warning)") }
            publishDiscovery(report)
            return report
        }
    }

    /// Same as `discover()`: re-reads only what changed. Named for readability at call sites.
    @discardableResult
    public func rediscover() -> DiscoveryReport {
        discover()
    }

    /// The report of the last discovery, if any.
    public func lastDiscovery() -> DiscoveryReport? {
        state.withLock { $0.lastDiscovery }
    }
}

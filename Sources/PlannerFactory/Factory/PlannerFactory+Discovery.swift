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
            var probeRecords: [Fingerprint: ProbeRecord]?
            var probeFileStatus: FileSystem.Status?
            if plugins > 0 {
                report.warnings += tidyStateFolder(pass.bundles) + quarantineCrashedLoads()
                // The record file is read again only when it changed (another process probed).
                let store = ProbeStore(directory: configuration.stateDirectory)
                probeFileStatus = store.fileStatus
                if probeFileStatus == nil || probeFileStatus != state.withLock({ $0.probeFileStatus }) {
                    let loaded = store.load()
                    probeRecords = loaded.records
                    report.warnings += loaded.warnings
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
                let probesChanged = probeRecords.map { $0 != state.probeRecords } ?? false
                if let probeRecords { state.probeRecords = probeRecords }
                state.probeFileStatus = probeFileStatus
                if !pass.isUnchanged || probesChanged {
                    state.bundleOrder = pass.bundles
                    return Self.rebuildRegistry(&state)
                }
                return []
            }
            drop(dropped)
            logger.info("discovery finished", metadata: ["summary": "\(report.summary)"])
            for warning in report.warnings { logger.warning("\(warning)") }
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

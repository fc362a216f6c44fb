import PlannerKit

extension PlannerFactory {
    /// Checks every planner: for bundles, that the fingerprint is unchanged since discovery and
    /// the library is present; for created instances, their own `health()`. Planners that are not
    /// active are listed as not checked, with their reason.
    public func health() -> HealthReport {
        let (records, bundles, instances) = state.withLock { ($0.records, $0.bundleOrder, $0.instances) }
        let bundleIndex = Dictionary(bundles.indices.map { (bundles[$0].location.path, $0) }, uniquingKeysWith: { first, _ in first })
        let isDeep = configuration.isDeepFingerprint
        let checks = records.map { record -> HealthReport.Check in
            guard record.isActive else {
                return .init(name: record.name, status: record.status, isHealthy: nil, detail: record.reason ?? "not active")
            }
            if let path = record.path, let position = bundleIndex[path] {
                let bundle = bundles[position]
                let current = BundleScanner(isDeep: isDeep).currentFingerprint(of: bundle.location, library: bundle.library)
                if current != bundle.fingerprint {
                    return .init(name: record.name, status: record.status, isHealthy: false,
                                 detail: "the bundle changed since discovery (fingerprint \(bundle.fingerprint) → \(current)); rediscover")
                }
            }
            let own = instances.filter { $0.key.name == record.name }.values.map { $0.health() }
            if let sick = own.first(where: { !$0.isHealthy }) {
                return .init(name: record.name, status: record.status, isHealthy: false, detail: "instance unhealthy: \(sick.detail)")
            }
            let detail = record.kind == .builtin ? "builtin" : "fingerprint unchanged, library present"
            return .init(name: record.name, status: record.status, isHealthy: true,
                         detail: own.isEmpty ? detail : detail + ", \(own.count) instance(s) healthy")
        }
        return HealthReport(checks: checks)
    }
}

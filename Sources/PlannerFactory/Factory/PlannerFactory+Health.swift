import PlannerKit

extension PlannerFactory {
    /// Checks every planner: for bundles, that the fingerprint is unchanged since discovery (so the
    /// library is present and the same) and the probe result that made it active; for created
    /// instances, their own `health` (through the plugin's table for plugins). Planners that are
    /// not active are listed as not checked, with their reason.
    /// - Parameter progress: called with (checked so far, total) after each planner.
    public func health(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> HealthReport {
        let (records, bundles, instances, probes) = state.withLock { ($0.records, $0.bundleOrder, $0.instances, $0.probeRecords) }
        let bundleIndex = Dictionary(bundles.indices.map { (bundles[$0].location.path, $0) }, uniquingKeysWith: { first, _ in first })
        let isDeep = configuration.isDeepFingerprint
        var done = 0
        let checks = records.map { record -> HealthReport.Check in
            defer {
                done += 1
                progress?(done, records.count)
            }
            guard record.isActive else {
                return .init(name: record.name, status: record.status, isHealthy: nil, detail: record.reason ?? "not active")
            }
            if let path = record.path, let position = bundleIndex[path] {
                let bundle = bundles[position]
                let current = BundleScanner(isDeep: isDeep).currentFingerprint(of: bundle)
                if current != bundle.fingerprint {
                    return .init(name: record.name, status: record.status, isHealthy: false,
                                 detail: "the bundle changed since discovery (fingerprint \(bundle.fingerprint) → \(current)); rediscover")
                }
            }
            let cached = instances.filter { $0.key.name == record.name }.values
            // A planner busy in a call is not asked (a plan that never returns must not hold up a
            // health check, and a non-thread-safe instance takes one call at a time).
            if let busy = cached.lazy.flatMap(\.workers).first(where: { $0.call != nil }) {
                return .init(name: record.name, status: record.status, isHealthy: nil,
                             detail: "busy in \(busy.call ?? "a call") for \(Self.wholeSeconds(busy.seconds)) (pid \(busy.pid)), not checked", isBusy: true)
            }
            var own: [PlannerHealth] = []
            for instance in cached {
                guard let health = instance.healthIfIdle() else {
                    return .init(name: record.name, status: record.status, isHealthy: nil,
                                 detail: "busy in a call (in-process), not checked", isBusy: true)
                }
                own.append(health)
            }
            if own.isEmpty {
                // No instance yet: create the default one (loading a plugin that passed its probe).
                do throws(FactoryError) {
                    own = [try planner(named: record.name).health()]
                } catch {
                    return .init(name: record.name, status: record.status, isHealthy: false, detail: error.message)
                }
            }
            if let sick = own.first(where: { !$0.isHealthy }) {
                return .init(name: record.name, status: record.status, isHealthy: false, detail: "instance unhealthy: \(sick.detail)")
            }
            var detail = record.kind == .builtin ? "builtin" : "fingerprint unchanged, library present"
            if record.kind.isPlugin {
                let probe = record.fingerprint.flatMap { probes[$0] }
                detail += probe.map { ", probe passed \(WallClock.iso8601($0.timestamp))" } ?? ", not probed (sandbox off)"
            }
            return .init(name: record.name, status: record.status, isHealthy: true,
                         detail: detail + ", \(own.count) instance(s) healthy")
        }
        let report = HealthReport(checks: checks)
        publishHealth(report)
        return report
    }

    /// "12 s", "0.4 s".
    static func wholeSeconds(_ seconds: Double) -> String {
        seconds < 10 ? JSONValue.format((seconds * 10).rounded() / 10) + " s" : "\(Int(seconds)) s"
    }
}

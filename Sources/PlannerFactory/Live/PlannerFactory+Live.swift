import PlannerKit

extension PlannerFactory {
    /// Publishes this factory's live events on a Unix-domain socket in `<state>/live/` (README
    /// "Watching a running factory"), for `factory ps`, `factory telemetry --follow` and
    /// `--prometheus` to find. Subscribers of this user or root get a snapshot, then JSON lines of
    /// events. Recording never waits for a subscriber. Does nothing when already publishing.
    ///
    /// `FACTORY_PUBLISH=1` (`FactoryConfiguration.publishes`) starts it when the factory is created.
    /// - Parameter environment: where `XDG_RUNTIME_DIR` is read, for a short socket folder when
    ///   the state folder's path is too long for a socket.
    /// - Returns: where subscribers connect.
    /// - Throws: `FactoryError` `.liveUnavailable` (or `.invalidConfiguration`: the state folder
    ///   cannot be made) naming the path and why.
    @discardableResult
    public func startPublishing(environment: [String: String] = ProcessEnvironment.current()) throws(FactoryError) -> LiveEndpoint {
        let stream = telemetry.live.stream
        let source = LivePublisher.Source(
            counts: { [weak self] in self.map { ($0.planners().count, $0.telemetry.selections.summary().count) } },
            snapshot: { [weak self] in self?.liveSnapshot() },
            notice: { [weak self] in self?.logger.warning("\($0)") })
        let directory = configuration.stateDirectory
        return try telemetry.live.start { () throws(FactoryError) -> LivePublisher in
            try LivePublisher.start(stateDirectory: directory, environment: environment, stream: stream, source: source)
        }
    }

    /// Stops publishing: subscribers are told and disconnected, the socket removed. Does nothing
    /// when not publishing.
    public func stopPublishing() {
        telemetry.live.stop()
    }

    /// Where subscribers connect while this factory publishes; `nil` when it does not.
    public var liveEndpoint: LiveEndpoint? {
        telemetry.live.endpoint
    }

    /// Starts publishing when the configuration says so; a failure is logged and told, not thrown.
    func publishIfConfigured() {
        guard configuration.publishes else { return }
        do {
            try startPublishing()
        } catch {
            notices("live events are not published: \(error.message)")
        }
    }

    /// Tells live subscribers what changed in the registry (probe results, quarantines, releases,
    /// status changes), and counts probes and quarantines for metrics. Called after every registry
    /// rebuild, outside the state lock.
    func publishRegistryChange() {
        let stream = telemetry.live.stream
        guard stream.isActive || telemetry.metrics.isEnabled else { return }
        let (records, generation) = state.withLock { ($0.records, $0.generation) }
        stream.registryChanged(generation: generation, records: records)
        telemetry.metrics.registryChanged(generation: generation, records: records)
    }

    /// Tells live subscribers about a discovery and its summary.
    func publishDiscovery(_ report: DiscoveryReport) {
        telemetry.live.stream.publish(.rediscovery(report, at: WallClock.now()))
    }

    /// Tells live subscribers about a health check.
    func publishHealth(_ report: HealthReport) {
        telemetry.live.stream.publish(.health(report, at: WallClock.now()))
    }

    /// The snapshot line a new subscriber gets: the configuration in effect, every planner's
    /// record, the telemetry (counts, percentiles, recent records), warnings and the last discovery.
    func liveSnapshot() -> JSONValue {
        let (records, generation, warnings, discovery) = state.withLock { ($0.records, $0.generation, $0.warnings, $0.lastDiscovery) }
        telemetry.live.stream.resetRegistry(generation: generation, records: records)
        return [
            "type": "snapshot", "format": .number(Double(LivePublisher.formatVersion)), "timestamp": .number(WallClock.now()),
            "configuration": configuration.json,
            "planners": .array(records.map(\.json)),
            "telemetry": telemetry.snapshot().json,
            "warnings": .array(warnings.map(JSONValue.string)),
            "lastDiscovery": discovery?.json ?? .null,
        ]
    }
}

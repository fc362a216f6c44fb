import Testing
import PlannerFactory

@Suite struct TelemetryConcurrencyTests {
    static let writers = 8
    static let recordsPerWriter = 10_000
    static let capacity = 64

    @Test func concurrentWritersAndReadersLoseNothing() async {
        let telemetry = TelemetryManager(capacity: Self.capacity)
        let readerFindings = await withTaskGroup(of: [String].self) { group in
            for writer in 0..<Self.writers {
                group.addTask {
                    for index in 0..<Self.recordsPerWriter {
                        telemetry.recordSelection(TelemetryFixtures.selection(
                            .nanoseconds(index + 1), objective: "writer \(writer)", candidateCount: index
                        ))
                        telemetry.recordInstantiation(TelemetryFixtures.instantiation(planner: "writer \(writer)"))
                    }
                    return []
                }
            }
            for _ in 0..<2 {
                group.addTask { Self.readSnapshots(of: telemetry, times: 200) }
            }
            var findings: [String] = []
            for await found in group { findings += found }
            return findings
        }
        #expect(readerFindings.isEmpty)

        let total = Self.writers * Self.recordsPerWriter
        let snapshot = telemetry.snapshot()
        #expect(snapshot.selection.count == total)
        #expect(snapshot.instantiation.count == total)
        #expect(snapshot.instantiationPhases["create"]?.count == total)
        #expect(snapshot.recentSelections.count == Self.capacity)
        #expect(snapshot.recentInstantiations.count == Self.capacity)
        #expect(telemetry.selections.recent(limit: .max).count == Self.capacity)
        #expect(Self.isNewestFirstPerWriter(snapshot.recentSelections))
        #expect(snapshot.selection.max == .nanoseconds(Self.recordsPerWriter))
    }

    /// Takes snapshots while writers run; returns what broke an invariant.
    private static func readSnapshots(of telemetry: TelemetryManager, times: Int) -> [String] {
        var findings: [String] = []
        var lastCount = 0
        for _ in 0..<times {
            let snapshot = telemetry.snapshot()
            if snapshot.selection.count < lastCount { findings.append("count went back from \(lastCount)") }
            lastCount = snapshot.selection.count
            if snapshot.recentSelections.count != Swift.min(snapshot.selection.count, capacity) {
                findings.append("\(snapshot.recentSelections.count) recent records for count \(snapshot.selection.count)")
            }
            if !isNewestFirstPerWriter(snapshot.recentSelections) { findings.append("recent records out of order") }
        }
        return findings
    }

    /// Whether each writer's records appear newest (highest index) first.
    private static func isNewestFirstPerWriter(_ records: [SelectionRecord]) -> Bool {
        var previous: [String: Int] = [:]
        for record in records {
            if let last = previous[record.objective], last <= record.candidateCount { return false }
            previous[record.objective] = record.candidateCount
        }
        return true
    }
}

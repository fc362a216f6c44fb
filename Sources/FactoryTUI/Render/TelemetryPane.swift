import PlannerFactory

/// Selection and instantiation telemetry: counts and p50/p95/p99, a sparkline of recent
/// selection latencies, and the recent records, newest first.
enum TelemetryPane {
    static func render(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        var note = model.isFrozen ? "frozen" : (model.isTelemetryPaused ? "PAUSED (p resumes)" : "live · p pauses")
        if let attachment = model.attachment {
            note += " · of process \(attachment.pid.map(String.init) ?? "?")"
            if attachment.droppedEvents > 0 { note += " · \(attachment.droppedEvents) events dropped (too fast to show)" }
        }
        Renderer.title("Telemetry", rect, focused: model.focus == .telemetry, &grid, note: note)
        guard rect.height > 1, let snapshot = model.telemetry else { return }
        let selection = snapshot.selection
        let made = snapshot.instantiation
        // Nothing measured yet shows as "–", like frozen times.
        let frozen = model.isFrozen || selection.count == 0
        var x = grid.put("selections \(selection.count)", x: rect.x, y: rect.y + 1, style: Style(bold: true))
        x = grid.put("  p50 \(Format.duration(selection.p50, frozen: frozen))  p95 \(Format.duration(selection.p95, frozen: frozen))  p99 \(Format.duration(selection.p99, frozen: frozen))  ",
                     x: x, y: rect.y + 1, limit: rect.x + rect.width - x)
        if !frozen {
            let room = rect.x + rect.width - x
            let latencies = snapshot.recentSelections.prefix(max(0, room)).reversed().map(\.duration)
            grid.put(sparkline(Array(latencies)), x: x, y: rect.y + 1, style: Style(.cyan), limit: room)
        }
        guard rect.height > 2 else { return }
        let madeFrozen = model.isFrozen || made.count == 0
        let plans = snapshot.planCall
        let plansFrozen = model.isFrozen || plans.count == 0
        grid.put("instantiations \(made.count) (\(made.failures) failed)  p50 \(Format.duration(made.p50, frozen: madeFrozen))  p99 \(Format.duration(made.p99, frozen: madeFrozen))"
                 + "   plans \(plans.count) (\(plans.failures) failed)  p50 \(Format.duration(plans.p50, frozen: plansFrozen))",
                 x: rect.x, y: rect.y + 2, limit: rect.width)
        var y = rect.y + 3
        for row in rows(snapshot, frozen: model.isFrozen, limit: model.telemetryScroll + rect.height).dropFirst(model.telemetryScroll) {
            guard y < rect.bottom else { break }
            var x = grid.put(Format.clock(row.timestamp, frozen: model.isFrozen) + " ", x: rect.x, y: y, style: .faint)
            x = grid.put(row.kind + " ", x: x, y: y, style: .faint)
            x = grid.put(Format.duration(row.duration, frozen: model.isFrozen).padded(to: 8), x: x, y: y, style: Style(.cyan))
            x = grid.put(row.planner.padded(to: 20) + " ", x: x, y: y, style: row.isFailure ? .error : .plain, limit: rect.x + rect.width - x)
            grid.put(row.detail, x: x, y: y, style: row.isFailure ? .error : .faint, limit: rect.x + rect.width - x)
            y += 1
        }
        if snapshot.recentSelections.isEmpty && snapshot.recentInstantiations.isEmpty && snapshot.recentPlanCalls.isEmpty, y < rect.bottom {
            let hint = model.attachment == nil ? "No selections yet: Enter runs one, b runs a burst of \(AppUpdate.burstSize)." : "No selections yet in the process attached to."
            grid.put(hint, x: rect.x, y: y, style: .faint, limit: rect.width)
        }
    }

    /// One line of the record list.
    struct Row {
        var timestamp: Double
        var kind: String
        var duration: Duration
        var planner: String
        var detail: String
        var isFailure: Bool
    }

    /// Selections, instantiations and plan calls together, newest first: the first `limit` rows
    /// (a frame formats only what it shows).
    static func rows(_ snapshot: TelemetrySnapshot, frozen: Bool, limit: Int = .max) -> [Row] {
        var rows: [Row] = []
        var (a, b, c) = (snapshot.recentSelections[...], snapshot.recentInstantiations[...], snapshot.recentPlanCalls[...])
        while rows.count < limit, a.first != nil || b.first != nil || c.first != nil {
            let times = [a.first?.timestamp, b.first?.timestamp, c.first?.timestamp].map { $0 ?? -.infinity }
            let newest = times.indices.max { times[$0] < times[$1] } ?? 0
            switch newest {
            case 0: if let left = a.popFirst() { rows.append(row(left)) }
            case 1: if let middle = b.popFirst() { rows.append(row(middle, frozen: frozen)) }
            default: if let right = c.popFirst() { rows.append(row(right, frozen: frozen)) }
            }
        }
        return rows
    }

    private static func row(_ record: PlanCallRecord, frozen: Bool) -> Row {
        let worker = record.workerPID.map { frozen ? "worker" : "worker \($0)" } ?? "in-process"
        return Row(timestamp: record.timestamp, kind: "plan  ", duration: record.duration, planner: record.planner,
                   detail: record.isSuccess ? worker : "\(record.outcome): \(record.error ?? "")", isFailure: !record.isSuccess)
    }

    private static func row(_ record: SelectionRecord) -> Row {
        Row(timestamp: record.timestamp, kind: "select", duration: record.duration, planner: record.winner ?? "✗ none",
            detail: record.error ?? (record.objective.isEmpty ? "[\(record.capabilities.joined(separator: ","))]" : "\"\(record.objective)\""),
            isFailure: record.winner == nil)
    }

    private static func row(_ record: InstantiationRecord, frozen: Bool) -> Row {
        let phases = record.phases.map { "\($0.name) \(Format.duration($0.duration, frozen: frozen))" }.joined(separator: " · ")
        let failure: String? = if case .failure(let message) = record.outcome { message } else { nil }
        return Row(timestamp: record.timestamp, kind: "create", duration: record.phases.reduce(.zero) { $0 + $1.duration },
                   planner: record.planner, detail: failure ?? (record.outcome == .cached ? "cached instance" : phases),
                   isFailure: failure != nil)
    }

    /// ▁▂▃▄▅▆▇█ scaled to the largest value.
    static func sparkline(_ durations: [Duration]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let values = durations.map(\.microseconds)
        guard let top = values.max(), top > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { bars[min(bars.count - 1, Int($0 / top * Double(bars.count - 1) + 0.5))] })
    }
}

import PlannerFactory

/// Selection and instantiation telemetry: counts and p50/p95/p99, a sparkline of recent
/// selection latencies, and the recent records, newest first.
enum TelemetryPane {
    static func render(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        let note = model.isFrozen ? "frozen" : (model.isTelemetryPaused ? "PAUSED (p resumes)" : "live · p pauses")
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
        grid.put("instantiations \(made.count) (\(made.failures) failed)  p50 \(Format.duration(made.p50, frozen: madeFrozen))  p99 \(Format.duration(made.p99, frozen: madeFrozen))",
                 x: rect.x, y: rect.y + 2, limit: rect.width)
        var y = rect.y + 3
        let rows = snapshot.recentSelections.dropFirst(model.telemetryScroll)
        for record in rows {
            guard y < rect.bottom else { break }
            let winner = record.winner ?? "✗ \(record.error ?? "failed")"
            var x = grid.put(Format.clock(record.timestamp, frozen: frozen) + " ", x: rect.x, y: y, style: .faint)
            x = grid.put(Format.duration(record.duration, frozen: frozen).padded(to: 8), x: x, y: y, style: Style(.cyan))
            x = grid.put(winner.padded(to: 20) + " ", x: x, y: y, style: record.winner == nil ? .error : .plain, limit: rect.x + rect.width - x)
            let request = record.objective.isEmpty ? "[\(record.capabilities.joined(separator: ","))]" : "\"\(record.objective)\""
            grid.put(request, x: x, y: y, style: .faint, limit: rect.x + rect.width - x)
            y += 1
        }
        if snapshot.recentSelections.isEmpty, y < rect.bottom {
            grid.put("No selections yet: Enter runs one, b runs a burst of \(AppUpdate.burstSize).", x: rect.x, y: y, style: .faint, limit: rect.width)
        }
    }

    /// ▁▂▃▄▅▆▇█ scaled to the largest value.
    static func sparkline(_ durations: [Duration]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let values = durations.map(\.microseconds)
        guard let top = values.max(), top > 0 else { return String(repeating: "▁", count: values.count) }
        return String(values.map { bars[min(bars.count - 1, Int($0 / top * Double(bars.count - 1) + 0.5))] })
    }
}

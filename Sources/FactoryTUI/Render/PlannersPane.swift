import Foundation
import PlannerFactory
import PlannerKit

/// The planner list (status marks, reasons, health results) and the highlighted planner's detail.
enum PlannersPane {
    static func render(_ model: AppModel, list: Rect, detail: Rect, _ grid: inout CellGrid) {
        Renderer.title("Planners \(model.planners.count)", list, focused: model.focus == .planners, &grid)
        let rows = max(0, list.height - 1)
        let scroll = scrollOffset(cursor: model.plannerCursor, rows: rows, count: model.planners.count)
        let nameWidth = min(24, max(12, list.width / 2))
        for row in 0..<rows {
            let index = scroll + row
            guard index < model.planners.count else { break }
            let record = model.planners[index]
            let y = list.y + 1 + row
            let (symbol, style) = Renderer.mark(record.status)
            grid.put(symbol, x: list.x, y: y, style: style)
            var x = grid.put(" " + record.name.padded(to: nameWidth) + " ", x: list.x + 1, y: y, limit: list.width - 1)
            if let check = model.health[record.name], let healthy = check.isHealthy {
                x = grid.put(healthy ? "✓ " : "✗ ", x: x, y: y, style: healthy ? .good : .error)
            } else if model.health[record.name]?.isBusy == true {
                x = grid.put("◷ ", x: x, y: y, style: .warning)
            }
            let (note, noteStyle) = summary(record)
            grid.put(note, x: x, y: y, style: noteStyle, limit: list.x + list.width - x)
            if index == model.plannerCursor {
                grid.restyle(x: list.x, y: y, count: list.width, style: Style(model.focus == .planners ? .normal : .gray, reverse: true))
            }
        }
        renderDetail(model, detail, &grid)
    }

    /// The first row index shown so that `cursor` is visible.
    static func scrollOffset(cursor: Int, rows: Int, count: Int) -> Int {
        guard rows > 0, count > rows else { return 0 }
        return max(0, min(cursor - rows / 2, count - rows))
    }

    private static func summary(_ record: PlannerRecord) -> (String, Style) {
        switch record.status {
        case .active: return ("\(record.kind) \(record.version)", .faint)
        case .quarantined: return (record.reason.map(shortReason) ?? "quarantined", .error)
        case .invalid: return (record.reason.map(withoutPaths) ?? "invalid", .warning)
        case .pending: return ("waiting for its probe", .warning)
        default: return (record.reason ?? "\(record.status)", .faint)
        }
    }

    /// A quarantine reason in a few words, for one-line lists (the detail view has it whole):
    /// "crashed: SIGSEGV", "timed out", "abi-mismatch", "descriptor ≠ manifest" …
    static func shortReason(_ reason: String) -> String {
        if let range = reason.range(of: #"crashed with SIG[A-Z]+"#, options: .regularExpression) {
            return "crashed: " + reason[range].dropFirst("crashed with ".count)
        }
        if let range = reason.range(of: #"within [0-9.]+ s"#, options: .regularExpression) {
            return "timed out (\(reason[range].dropFirst("within ".count)))"
        }
        if reason.contains("crashed the host process") { return "crashed the host while loading" }
        if reason.hasPrefix("creating it failed") { return "create failed: " + reason }
        if reason.hasPrefix("its descriptor contradicts its manifest: ") {
            return "descriptor ≠ manifest: " + reason.dropFirst("its descriptor contradicts its manifest: ".count)
        }
        return withoutPaths(reason)
    }

    /// A reason without the file paths it names (they are in the detail view), for one-line lists.
    static func withoutPaths(_ reason: String) -> String {
        // A leading "/path/file: " locates the problem; other paths keep their last component.
        let words = reason.split(separator: " ", omittingEmptySubsequences: false)
        let kept = words.first.map { $0.hasPrefix("/") && $0.hasSuffix(":") } == true ? words.dropFirst() : words[...]
        return kept.map { word in
            guard word.hasPrefix("/"), let slash = word.lastIndex(of: "/") else { return String(word) }
            return String(word[word.index(after: slash)...])
        }.joined(separator: " ")
    }

    private static func renderDetail(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        guard let record = model.highlightedPlanner else {
            Renderer.title("Detail", rect, focused: false, &grid)
            return
        }
        Renderer.title(record.name, rect, focused: false, &grid)
        var lines: [(String, String, Style)] = []
        let (_, statusStyle) = Renderer.mark(record.status)
        var status = "\(record.status)"
        if let since = record.quarantinedSince { status += " since \(Format.clock(since, frozen: model.isFrozen)) UTC" }
        lines.append(("status", status, statusStyle))
        if let reason = record.reason { lines.append(("reason", reason, statusStyle)) }
        if let check = model.health[record.name], check.isHealthy != nil || check.isBusy {
            // Frozen screens hide times and pids, which a busy check's detail names.
            let detail = check.isBusy && model.isFrozen ? "busy in a call, not checked" : check.detail
            lines.append(("health", detail, check.isBusy ? .warning : (check.isHealthy == false ? .error : .good)))
        }
        lines.append(("kind", "\(record.kind) \(record.version) · rank \(record.rank)\(record.isThreadSafe ? " · thread-safe" : "")", .plain))
        if record.kind.isPlugin {
            let isolation = Isolation.effective(for: record, configured: model.isolation)
            lines.append(("runs", isolation == .process ? "in a worker process" : "in-process (no plan deadline)", .plain))
        }
        for worker in model.workers where worker.planner == record.name {
            lines.append(("worker", frozenSummary(worker, model.isFrozen), worker.call == nil ? .plain : .warning))
        }
        if !record.capabilities.isEmpty { lines.append(("caps", record.capabilities.joined(separator: ", "), .plain)) }
        if !record.keywords.isEmpty { lines.append(("keywords", record.keywords.joined(separator: ", "), .plain)) }
        if let timings = timings(of: record, model) { lines.append(("timings", timings, .plain)) }
        if let path = record.path { lines.append(("path", path, .faint)) }
        if let library = record.library { lines.append(("library", library, .faint)) }
        if let fingerprint = record.fingerprint { lines.append(("print", fingerprint.description, .faint)) }
        if !record.summary.isEmpty { lines.append(("summary", record.summary, .plain)) }
        let labelWidth = 9
        var y = rect.y + 1
        for (label, value, style) in lines {
            let wrapped = Format.wrap(value, width: rect.width - labelWidth)
            for (index, line) in wrapped.enumerated() {
                guard y < rect.bottom else { return }
                if index == 0 { grid.put(label, x: rect.x, y: y, style: .faint) }
                grid.put(line, x: rect.x + labelWidth, y: y, style: style, limit: rect.width - labelWidth)
                y += 1
            }
        }
    }

    /// "pid 4242, busy in plan for 12 s" (pid and times masked when frozen).
    private static func frozenSummary(_ worker: WorkerInfo, _ frozen: Bool) -> String {
        guard frozen else { return worker.summary }
        return (worker.call.map { "busy in \($0)" } ?? "idle") + (worker.restarts > 0 ? ", \(worker.restarts) restart(s)" : "")
    }

    /// "probe 12ms · load 3.1ms · create 40µs" from the probe record and the latest instantiation.
    private static func timings(of record: PlannerRecord, _ model: AppModel) -> String? {
        var parts: [String] = []
        if let seconds = record.probeSeconds {
            parts.append("probe \(Format.duration(seconds: seconds, frozen: model.isFrozen))")
        }
        let made = model.telemetry?.recentInstantiations.first { $0.planner == record.name && !$0.phases.isEmpty }
        for phase in made?.phases ?? [] where phase.name != "probe" || record.probeSeconds == nil {
            parts.append("\(phase.name) \(Format.duration(phase.duration, frozen: model.isFrozen))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

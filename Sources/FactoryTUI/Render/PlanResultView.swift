import PlannerFactory
import PlannerKit

/// The result of `Enter` or `P` in a box over the right-hand panes: the phase times; for a PDDL
/// task, the validation (✓ valid with its cost, ✗ with the failing step); a portfolio's table of
/// every planner's outcome; the plan's steps; the planner's statistics. Long results scroll.
enum PlanResultView {
    /// One line of the result.
    struct Line: Hashable {
        var text: String
        var style: Style = .plain
        var indent = 0
    }

    /// Where the box goes: below the ranking for a plain plan; over the ranking too for a task's
    /// result, which has more to say.
    static func rect(_ model: AppModel) -> Rect {
        let layout = Layout(width: model.width, height: model.height)
        let top = model.planResult?.isTask == true ? layout.rankingRows.y : layout.explanation.y
        return Rect(x: layout.explanation.x, y: top, width: layout.explanation.width, height: layout.telemetry.bottom - top)
    }

    static func render(_ model: AppModel, _ grid: inout CellGrid) {
        guard let result = model.planResult else { return }
        let rect = rect(model)
        guard rect.height > 2 else { return }
        Overlays.box(rect, title: "\(TerminalText.escaped(result.planner)) on \"\(TerminalText.escaped(result.objective))\" · Esc closes", &grid)
        let inner = rect.width - 4
        let all = lines(result, width: inner, frozen: model.isFrozen)
        let visible = rect.height - 2
        let fits = all.count <= visible
        let rows = fits ? visible : visible - 1
        let scroll = fits ? 0 : max(0, min(model.resultScroll, all.count - rows))
        for (row, line) in all.dropFirst(scroll).prefix(rows).enumerated() {
            grid.put(line.text, x: rect.x + 2 + line.indent, y: rect.y + 1 + row, style: line.style, limit: inner - line.indent)
        }
        if !fits {
            let last = min(all.count, scroll + rows)
            grid.put("lines \(scroll + 1)–\(last) of \(all.count) · j/k ↑↓ PgUp PgDn scroll", x: rect.x + 2, y: rect.bottom - 2, style: .faint, limit: inner)
        }
    }

    /// Every line of the result, wrapped to `width` columns; text from planners is escaped.
    static func lines(_ result: AppModel.PlanResult, width: Int, frozen: Bool) -> [Line] {
        var lines: [Line] = []
        let timings = result.timings.map { "\($0.name) \(Format.duration($0.duration, frozen: frozen))" }.joined(separator: " · ")
        if !timings.isEmpty { lines.append(Line(text: timings, style: Style(.cyan))) }
        if let error = result.error {
            let label = result.errorCode == FactoryError.Code.invalidPlan.description ? "✗ invalid plan: " : (result.isTask ? "✗ " : "")
            lines += Format.wrap(label + TerminalText.escaped(error), width: width).map { Line(text: $0, style: .error) }
        }
        if let portfolio = result.portfolio { lines += portfolioLines(portfolio, width: width, frozen: frozen) }
        guard let plan = result.plan else { return lines }
        if result.isTask { lines += validationLines(plan, width: width) }
        lines.append(Line(text: "\(plan.steps.count) step(s), cost \(plan.cost.map { Format.fixed($0, 1) } ?? "unknown")", style: Style(bold: true)))
        let numberWidth = String(plan.steps.count).count
        for (index, step) in plan.steps.enumerated() {
            let number = String(index + 1)
            lines.append(Line(text: String(repeating: " ", count: result.isTask ? numberWidth - number.count : 0) + "\(number). \(TerminalText.escaped(step))"))
        }
        if result.isTask { lines += statisticsLines(plan, width: width) }
        return lines
    }

    /// "✓ valid (cost 6)", "? unverified: …", or that the plan was not validated.
    private static func validationLines(_ plan: Plan, width: Int) -> [Line] {
        guard let validation = plan.stats["validation"]?.objectValue else {
            return [Line(text: "· not validated (validation is off)", style: .faint)]
        }
        switch validation["result"]?.stringValue {
        case "valid":
            let cost = validation["cost"]?.numberValue.map { Format.fixed($0, $0.rounded() == $0 ? 0 : 2) } ?? "unknown"
            return [Line(text: "✓ valid (cost \(cost))", style: Style(.green, bold: true))]
        case "unverified":
            let reason = TerminalText.escaped(validation["reason"]?.stringValue ?? "no reason given")
            return Format.wrap("? unverified: " + reason, width: width).map { Line(text: $0, style: .warning) }
        default:
            return [Line(text: "? validation: " + TerminalText.escaped(JSONValue.object(validation).serialized()), style: .warning)]
        }
    }

    /// The planner's statistics: its plan's stats but the validation, one per line.
    private static func statisticsLines(_ plan: Plan, width: Int) -> [Line] {
        let keys = plan.stats.keys.filter { $0 != "validation" }.sorted()
        guard !keys.isEmpty else { return [] }
        var lines = [Line(text: "Statistics", style: .heading)]
        let keyWidth = min(24, keys.map { CharacterWidth.of(TerminalText.escaped($0)) }.max() ?? 0)
        for key in keys {
            guard let value = plan.stats[key] else { continue }
            let text = value.stringValue ?? value.serialized()
            lines.append(Line(text: TerminalText.escaped(key).padded(to: keyWidth) + "  " + TerminalText.escaped(text), indent: 2))
        }
        return lines
    }

    /// Who won (or proved there is no plan), then a table: planner, outcome, seconds, message.
    private static func portfolioLines(_ portfolio: PortfolioResult, width: Int, frozen: Bool) -> [Line] {
        var lines: [Line] = []
        if let winner = portfolio.winner {
            lines.append(Line(text: "Portfolio: \(TerminalText.escaped(winner)) won", style: .heading))
        } else if let prover = portfolio.unsolvableProvenBy {
            lines.append(Line(text: "Portfolio: unsolvable, proven by \(TerminalText.escaped(prover))", style: .heading))
        } else {
            lines.append(Line(text: "Portfolio: no plan", style: .heading))
        }
        let nameWidth = min(24, max(7, portfolio.runs.map { CharacterWidth.of(TerminalText.escaped($0.planner)) }.max() ?? 0))
        let header = "planner".padded(to: nameWidth) + "  " + "outcome".padded(to: 14) + "seconds".padded(to: 9) + "message"
        lines.append(Line(text: header, style: .faint, indent: 2))
        for run in portfolio.runs {
            let seconds = frozen ? "–" : Format.fixed(run.duration.seconds, 2)
            let message = run.message.map { TerminalText.escaped($0.split(separator: "\n").first ?? "") } ?? ""
            let style: Style = run.outcome == "won" ? .good : (run.outcome == "unsolvable" || run.outcome == "cancelled" || run.outcome == "planned" ? .plain : .warning)
            let row = TerminalText.escaped(run.planner).padded(to: nameWidth) + "  " + TerminalText.escaped(run.outcome).padded(to: 14) + seconds.padded(to: 9)
            if CharacterWidth.of(row + message) <= width - 2 {
                lines.append(Line(text: row + message, style: style, indent: 2))
            } else {
                // A long message goes under its row, wrapped.
                lines.append(Line(text: row, style: style, indent: 2))
                lines += Format.wrap(message, width: width - 4).map { Line(text: $0, style: .faint, indent: 4) }
            }
        }
        return lines
    }
}

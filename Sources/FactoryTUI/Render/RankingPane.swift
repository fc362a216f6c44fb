import PlannerFactory

/// The objective and capabilities fields, the live ranking, and the highlighted row's explanation.
enum RankingPane {
    /// - Returns: the cursor position when a field is being edited.
    static func render(_ model: AppModel, _ layout: Layout, _ grid: inout CellGrid) -> (x: Int, y: Int)? {
        let cursor = fields(model, layout.objective, &grid)
        rows(model, layout.rankingRows, &grid)
        explanation(model, layout.explanation, &grid)
        return cursor
    }

    private static func fields(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) -> (x: Int, y: Int)? {
        if let task = model.task {
            let note = model.editing == nil ? "\(task.sizeSummary) · c edits capabilities" : "editing: Enter or Esc to finish · Tab switches"
            Renderer.title("Task \(TerminalText.escaped(task.problemName)) of \(TerminalText.escaped(task.domainName))", rect,
                           focused: model.editing != nil, &grid, note: note)
        } else {
            let note = model.editing == nil ? "/ objective · c capabilities · t task" : "editing: Enter or Esc to finish · Tab switches"
            Renderer.title("Objective", rect, focused: model.editing != nil, &grid, note: note)
        }
        let labelWidth = 14
        var cursor: (x: Int, y: Int)?
        for (offset, field, label, placeholder) in [
            (1, EditField.objective, "objective", "type / then an objective, e.g. route from 0,0 to 7,3"),
            (2, EditField.capabilities, "capabilities", "type c then capabilities, e.g. grid, route"),
        ] {
            let y = rect.y + offset
            let value = field == .objective ? model.objective : model.capabilities
            let isEditing = model.editing == field
            grid.put(label, x: rect.x, y: y, style: isEditing ? .heading : .faint)
            let width = rect.width - labelWidth
            if value.text.isEmpty && !isEditing {
                grid.put(placeholder, x: rect.x + labelWidth, y: y, style: .faint, limit: width)
            } else {
                // Keep the cursor visible in long text: leave out whole characters from the start
                // until the cursor fits (columns, not characters: wide ones take two).
                var shown = Substring(value.text)
                var skipped = 0
                while value.cursorColumn - skipped > width - 1, let first = shown.first {
                    skipped += CharacterWidth.of(first)
                    shown = shown.dropFirst()
                }
                grid.put(String(shown), x: rect.x + labelWidth, y: y, style: isEditing ? Style(underline: true) : .plain, limit: width)
                if isEditing { cursor = (rect.x + labelWidth + value.cursorColumn - skipped, y) }
            }
        }
        return cursor
    }

    private static func rows(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        guard let ranking = model.ranking else {
            Renderer.title("Ranking", rect, focused: model.focus == .ranking, &grid)
            return
        }
        Renderer.title("Ranking", rect, focused: model.focus == .ranking, &grid,
                       note: "\(ranking.count) ranked · \(model.selectableCount) selectable")
        let visible = max(0, rect.height - 1)
        let scroll = PlannersPane.scrollOffset(cursor: model.rankingCursor, rows: visible, count: ranking.count)
        let nameWidth = min(24, max(12, rect.width / 3))
        for (row, candidate) in ranking.candidates(in: scroll..<(scroll + visible)).enumerated() {
            let y = rect.y + 1 + row
            let (symbol, style) = Renderer.mark(candidate.status)
            var x = grid.put(String(candidate.position).padded(to: 4), x: rect.x, y: y, style: .faint)
            x = grid.put(symbol + " ", x: x, y: y, style: style)
            x = grid.put(candidate.name.padded(to: nameWidth), x: x, y: y, limit: rect.x + rect.width - x)
            x = grid.put(" " + Format.fixed(candidate.score, 1).padded(to: 6), x: x, y: y, style: Style(bold: true), limit: rect.x + rect.width - x)
            x = grid.put(" \(Int((candidate.matchRatio * 100).rounded()))%".padded(to: 6), x: x, y: y, limit: rect.x + rect.width - x)
            let missing = candidate.missing.isEmpty ? "" : "missing \(candidate.missing.joined(separator: ", "))"
            let (note, noteStyle): (String, Style) = candidate.isSelectable
                ? (missing.isEmpty ? "selectable" : "selectable, " + missing, .good)
                : (candidate.status == .active && !missing.isEmpty ? missing : candidate.whyNotSelectable.map(shortWhy) ?? "not selectable",
                   candidate.status == .active ? .warning : .faint)
            grid.put(note, x: x + 1, y: y, style: noteStyle, limit: rect.x + rect.width - x - 1)
            if scroll + row == model.rankingCursor {
                grid.restyle(x: rect.x, y: y, count: rect.width, style: Style(model.focus == .ranking ? .normal : .gray, reverse: true))
            }
        }
    }

    private static func explanation(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        guard let candidate = model.highlightedCandidate else {
            Renderer.title("Why", rect, focused: false, &grid)
            return
        }
        Renderer.title("Why \(candidate.name)", rect, focused: false, &grid, note: "score \(Format.fixed(candidate.score, 1))")
        let terms = (candidate.terms ?? []).map { term in
            "\(term.label) \(term.isAdditive && term.value >= 0 ? "+" : "")\(Format.fixed(term.value, term.isAdditive ? 1 : 2)) (\(term.detail))"
        }
        var text = terms.joined(separator: " · ")
        if let why = candidate.whyNotSelectable { text = "Not selectable: \(why). " + text }
        for (index, line) in Format.wrap(text, width: rect.width).prefix(max(0, rect.height - 1)).enumerated() {
            grid.put(line, x: rect.x, y: rect.y + 1 + index, style: index == 0 && candidate.whyNotSelectable != nil ? .warning : .plain)
        }
    }

    /// Why a row is not selectable, in a few words: "quarantined: crashed: SIGSEGV" …
    static func shortWhy(_ why: String) -> String {
        for prefix in ["it is quarantined: ", "it is invalid: "] where why.hasPrefix(prefix) {
            return prefix.dropFirst(6).dropLast(2) + ": " + PlannersPane.shortReason(String(why.dropFirst(prefix.count)))
        }
        return PlannersPane.withoutPaths(why)
    }
}

import PlannerFactory

/// The form `t` opens over the screen: a domain and a problem path.
enum TaskFormView {
    /// - Returns: the cursor, in the field being edited.
    static func render(_ model: AppModel, _ grid: inout CellGrid) -> (x: Int, y: Int)? {
        let width = min(model.width - 4, 96)
        let rect = Rect(x: (model.width - width) / 2, y: max(1, model.height / 2 - 4), width: width, height: 8)
        Overlays.box(rect, title: "Load a PDDL task", &grid)
        let labelWidth = 10
        let fieldWidth = rect.width - 4 - labelWidth
        var cursor: (x: Int, y: Int)?
        for (offset, field, label) in [(2, TaskForm.Field.domain, "domain"), (3, TaskForm.Field.problem, "problem")] {
            let y = rect.y + offset
            let value = field == .domain ? model.taskForm.domain : model.taskForm.problem
            let isFocused = model.taskForm.field == field
            grid.put(label, x: rect.x + 2, y: y, style: isFocused ? .heading : .faint)
            // Long paths: keep the cursor in view by leaving out whole characters from the start.
            var shown = Substring(value.text)
            var skipped = 0
            while value.cursorColumn - skipped > fieldWidth - 1, let first = shown.first {
                skipped += CharacterWidth.of(first)
                shown = shown.dropFirst()
            }
            grid.fill(x: rect.x + 2 + labelWidth, y: y, count: fieldWidth, style: Style(underline: true))
            grid.put(TerminalText.escaped(shown), x: rect.x + 2 + labelWidth, y: y, style: Style(underline: true), limit: fieldWidth)
            if isFocused { cursor = (rect.x + 2 + labelWidth + value.cursorColumn - skipped, y) }
        }
        grid.put("Enter loads (on the domain: next field) · Tab switches · Esc closes · both empty: no task",
                 x: rect.x + 2, y: rect.y + 5, style: .faint, limit: rect.width - 4)
        grid.put("Paths are relative to the folder factory-tui started in.", x: rect.x + 2, y: rect.y + 6, style: .faint, limit: rect.width - 4)
        return cursor
    }
}

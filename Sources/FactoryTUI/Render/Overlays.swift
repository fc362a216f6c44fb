import PlannerFactory

/// Boxes drawn over the panes: the help (a plan result is `PlanResultView`, the task form `TaskFormView`).
enum Overlays {
    static let helpLines: [(String, String)] = [
        ("/ or i", "edit the objective (every keystroke re-ranks)"),
        ("c", "edit the capabilities (comma-separated)"),
        ("Esc", "leave editing; close a result; cancel a running plan"),
        ("Tab / Shift-Tab", "focus the next / previous pane"),
        ("j k ↑ ↓", "move in the focused pane"),
        ("PgUp PgDn g G", "page; first; last"),
        ("Enter", "run the highlighted row's planner on objective or task"),
        ("t", "load a PDDL task: a domain and a problem path"),
        ("P", "a portfolio: the \(AppModel.portfolioSize) best planners at once on the task"),
        ("r", "rediscover the plugin path, probe what changed"),
        ("h", "check every planner's health (✓/✗ in the list)"),
        ("u", "release a quarantined planner: probe it again"),
        ("b", "run \(AppUpdate.burstSize) selections (watch the profiler fill)"),
        ("p", "pause or resume telemetry"),
        ("?", "this help (any key closes it)"),
        ("q, Ctrl-C", "quit"),
    ]

    static func help(_ model: AppModel, _ grid: inout CellGrid) {
        let width = min(model.width - 4, 96)
        let height = min(model.height - 2, helpLines.count + 6)
        let rect = Rect(x: (model.width - width) / 2, y: (model.height - height) / 2, width: width, height: height)
        box(rect, title: "factory-tui keys", &grid)
        var y = rect.y + 1
        for (key, text) in helpLines {
            guard y < rect.bottom - 3 else { break }
            grid.put(key, x: rect.x + 2, y: y, style: Style(bold: true))
            grid.put(text, x: rect.x + 20, y: y, limit: rect.width - 22)
            y += 1
        }
        let marks = "● active  … pending  ✖ quarantined  ! invalid  ◌ shadowed  ✓/✗/◷ health"
        grid.put(marks, x: rect.x + 2, y: rect.bottom - 3, style: .faint, limit: rect.width - 4)
        grid.put("Times are UTC. Logs: factory-tui.log in the state folder.", x: rect.x + 2, y: rect.bottom - 2, style: .faint, limit: rect.width - 4)
    }

    /// A framed box, cleared inside.
    static func box(_ rect: Rect, title: String, _ grid: inout CellGrid) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        for y in rect.y..<rect.bottom { grid.fill(x: rect.x, y: y, count: rect.width) }
        grid.fill("─", x: rect.x + 1, y: rect.y, count: rect.width - 2)
        grid.fill("─", x: rect.x + 1, y: rect.bottom - 1, count: rect.width - 2)
        for y in (rect.y + 1)..<(rect.bottom - 1) {
            grid.put("│", x: rect.x, y: y)
            grid.put("│", x: rect.x + rect.width - 1, y: y)
        }
        grid.put("┌", x: rect.x, y: rect.y)
        grid.put("┐", x: rect.x + rect.width - 1, y: rect.y)
        grid.put("└", x: rect.x, y: rect.bottom - 1)
        grid.put("┘", x: rect.x + rect.width - 1, y: rect.bottom - 1)
        grid.put(" \(title) ", x: rect.x + 2, y: rect.y, style: .heading, limit: rect.width - 4)
    }
}

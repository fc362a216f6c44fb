import PlannerFactory

/// Renders the model into a grid of cells: a pure function of the model, so whole screens can be
/// compared in tests.
public enum Renderer {
    /// The screen and where the cursor goes (when a field is being edited).
    public static func render(_ model: AppModel) -> (grid: CellGrid, cursor: (x: Int, y: Int)?) {
        var grid = CellGrid(width: model.width, height: model.height)
        guard model.width >= Layout.minimumWidth, model.height >= Layout.minimumHeight else {
            tooSmall(model, &grid)
            return (grid, nil)
        }
        let layout = Layout(width: model.width, height: model.height)
        header(model, layout.header, &grid)
        for row in 1..<(model.height - 2) { grid.put("│", x: layout.separatorX, y: row, style: .faint) }
        PlannersPane.render(model, list: layout.plannerList, detail: layout.plannerDetail, &grid)
        let cursor = RankingPane.render(model, layout, &grid)
        TelemetryPane.render(model, layout.telemetry, &grid)
        PlanResultView.render(model, &grid)
        messageLine(model, layout.message, &grid)
        keyBar(layout.keyBar, isAttached: model.attachment != nil, &grid)
        if model.attachment?.isPicking == true {
            PublisherPicker.render(model, &grid)
            return (grid, nil)
        }
        if model.isHelpShown {
            Overlays.help(model, &grid)
            return (grid, nil)
        }
        if model.taskForm.isShown {
            let formCursor = TaskFormView.render(model, &grid)
            return (grid, formCursor)
        }
        return (grid, cursor)
    }

    /// A pane title: "─ Title ───", highlighted when the pane has focus.
    static func title(_ text: String, _ rect: Rect, focused: Bool, _ grid: inout CellGrid, note: String = "") {
        grid.fill("─", x: rect.x, y: rect.y, count: rect.width, style: .faint)
        let end = grid.put(" \(text) ", x: rect.x + 1, y: rect.y, style: focused ? Style(.cyan, bold: true, reverse: true) : .heading, limit: rect.width - 2)
        if !note.isEmpty { grid.put(" \(note) ", x: end, y: rect.y, style: .faint, limit: rect.x + rect.width - end) }
    }

    /// The mark of a status: distinct characters, so they read without colour too.
    static func mark(_ status: PlannerStatus) -> (String, Style) {
        switch status {
        case .active: ("●", .good)
        case .pending: ("…", .warning)
        case .quarantined: ("✖", .error)
        case .invalid: ("!", .warning)
        case .shadowed: ("◌", .faint)
        default: ("?", .plain)
        }
    }

    private static func header(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        grid.fill(x: 0, y: rect.y, count: rect.width, style: Style(reverse: true))
        var x = grid.put(" PlannerFactory ", x: 0, y: rect.y, style: Style(bold: true, reverse: true))
        if let attachment = model.attachment { x = attached(attachment, x: x, y: rect.y, width: rect.width, &grid) }
        let counts = model.counts
        let isNarrow = rect.width < 120
        for status in PlannerStatus.all where counts[status, default: 0] > 0 || status == .active || status == .quarantined {
            let (symbol, _) = mark(status)
            let text = isNarrow ? " \(symbol)\(counts[status, default: 0])" : " \(symbol) \(counts[status, default: 0]) \(status)"
            x = grid.put(text, x: x, y: rect.y, style: Style(reverse: true))
        }
        x = grid.put("  │ ", x: x, y: rect.y, style: Style(reverse: true))
        grid.put(model.configurationSummary, x: x, y: rect.y, style: Style(reverse: true), limit: rect.width - x)
    }

    /// "⇄ pid 1234 agent-service --rate 50" (or "✕ pid 1234 gone"), at most a third of the width.
    private static func attached(_ attachment: LiveAttachment, x: Int, y: Int, width: Int, _ grid: inout CellGrid) -> Int {
        let pid = attachment.pid.map { "pid \($0)" } ?? "no process"
        let (text, style): (String, Style) = switch attachment.state {
        case .attached: ("⇄ \(pid) \(attachment.shortCommand)", Style(.cyan, bold: true, reverse: true))
        case .gone: ("✕ \(pid) gone: \(attachment.shortCommand)", Style(.red, bold: true, reverse: true))
        case .connecting: ("… \(pid) \(attachment.shortCommand)", Style(.yellow, bold: true, reverse: true))
        case .picking: ("⇄ pick a process", Style(.cyan, bold: true, reverse: true))
        }
        let end = grid.put(" \(text) ", x: x, y: y, style: style, limit: max(12, width / 3))
        return grid.put("│", x: end, y: y, style: Style(reverse: true))
    }

    private static func messageLine(_ model: AppModel, _ rect: Rect, _ grid: inout CellGrid) {
        var x = rect.x
        for activity in AppModel.Activity.allCases {
            if let text = model.activities[activity] {
                x = grid.put("⟳ \(text)  ", x: x, y: rect.y, style: .warning, limit: rect.width - x)
            }
        }
        if let message = model.message {
            grid.put(message.text, x: x, y: rect.y, style: message.isError ? .error : .plain, limit: rect.width - x)
        }
    }

    static let keys: [(String, String)] = [
        ("q", "quit"), ("?", "help"), ("/", "objective"), ("c", "caps"), ("Tab", "focus"),
        ("Enter", "run"), ("t", "task"), ("P", "portfolio"), ("r", "rescan"), ("h", "health"), ("u", "release"), ("b", "burst"), ("p", "pause"),
    ]

    /// The key bar for narrow terminals: the same keys but focus and moving (see the help).
    static let shortKeys: [(String, String)] = [
        ("q", "quit"), ("?", "help"), ("/", "obj"), ("c", "caps"), ("⏎", "run"), ("r", "rescan"), ("h", "health"),
        ("u", "release"), ("b", "burst"), ("p", "pause"), ("t", "task"),
    ]

    /// Keys that act on the factory, left out of the bar while attached to another process.
    static let actingKeys: Set<String> = ["Enter", "⏎", "P", "r", "h", "u", "b"]

    private static func keyBar(_ rect: Rect, isAttached: Bool, _ grid: inout CellGrid) {
        var x = rect.x
        let (keys, shortKeys) = isAttached ? (keys.filter { !actingKeys.contains($0.0) }, shortKeys.filter { !actingKeys.contains($0.0) }) : (keys, shortKeys)
        let width = keys.reduce(0) { $0 + CharacterWidth.of($1.0) + CharacterWidth.of($1.1) + 2 }
        for (key, action) in width <= rect.width ? keys : shortKeys {
            let width = CharacterWidth.of(key) + CharacterWidth.of(action) + 2
            guard x + width <= rect.width else { break }
            x = grid.put(key, x: x, y: rect.y, style: Style(bold: true, reverse: true))
            x = grid.put(" \(action) ", x: x, y: rect.y)
        }
    }

    private static func tooSmall(_ model: AppModel, _ grid: inout CellGrid) {
        let lines = ["The terminal is \(model.width)×\(model.height);", "factory-tui needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight).", "q quits."]
        for (index, line) in lines.enumerated() {
            grid.put(line, x: 0, y: index, style: index == 0 ? .warning : .plain)
        }
    }
}

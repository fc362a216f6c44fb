import PlannerFactory

/// `--attach` with no pid: the processes publishing in the state folder, to pick one.
enum PublisherPicker {
    static func render(_ model: AppModel, _ grid: inout CellGrid) {
        guard let attachment = model.attachment else { return }
        let width = min(model.width - 4, 110)
        let height = min(model.height - 2, max(8, attachment.choices.count + 7))
        let rect = Rect(x: (model.width - width) / 2, y: (model.height - height) / 2, width: width, height: height)
        Overlays.box(rect, title: "Attach to a running factory", &grid)
        let inner = rect.width - 4
        grid.put("Processes publishing live events in \(attachment.stateDirectory)/live:", x: rect.x + 2, y: rect.y + 1, style: .faint, limit: inner)
        guard !attachment.choices.isEmpty else {
            let lines = ["None yet: this list refreshes every second.",
                         "An application publishes with FACTORY_PUBLISH=1 (factory-tui by default), with this state folder."]
            for (index, line) in lines.enumerated() { grid.put(line, x: rect.x + 2, y: rect.y + 3 + index, limit: inner) }
            grid.put("q quits", x: rect.x + 2, y: rect.bottom - 2, style: .faint, limit: inner)
            return
        }
        let header = "PID".padded(to: 8) + "STARTED (UTC)".padded(to: 15) + "PLANNERS".padded(to: 10) + "SELECTIONS".padded(to: 12) + "COMMAND"
        grid.put(header, x: rect.x + 2, y: rect.y + 2, style: .heading, limit: inner)
        let rows = rect.height - 6
        let first = max(0, attachment.pickerCursor - rows + 1)
        for (offset, choice) in attachment.choices.dropFirst(first).prefix(rows).enumerated() {
            let index = first + offset
            let started = choice.startTime.map { Format.clock($0, frozen: model.isFrozen) } ?? "-"
            let counts = choice.planners.map(String.init) ?? "-"
            let selections = choice.selections.map(String.init) ?? "-"
            let command = choice.problem.map { "(not answering: \($0))" } ?? choice.command
            let line = "\(choice.pid)".padded(to: 8) + started.padded(to: 15) + counts.padded(to: 10) + selections.padded(to: 12) + command
            let style = index == attachment.pickerCursor ? Style(.cyan, bold: true, reverse: true) : (choice.problem == nil ? .plain : .warning)
            grid.fill(x: rect.x + 1, y: rect.y + 3 + offset, count: rect.width - 2, style: index == attachment.pickerCursor ? style : .plain)
            grid.put(line, x: rect.x + 2, y: rect.y + 3 + offset, style: style, limit: inner)
        }
        grid.put("Enter attaches · j/k or ↑/↓ move · q quits", x: rect.x + 2, y: rect.bottom - 2, style: .faint, limit: inner)
    }
}

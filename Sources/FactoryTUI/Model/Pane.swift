/// The panes that take focus, in `Tab` order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case planners, ranking, telemetry

    var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count) ?? .planners }
    var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .planners }
}

/// The field being edited, if any.
public enum EditField: Sendable, Hashable {
    case objective, capabilities
}

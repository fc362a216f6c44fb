/// A compass direction on a grid whose rows grow downwards: north is `y - 1`, east is `x + 1`.
enum GridDirection: String, CaseIterable {
    case north, east, south, west
    case northeast, southeast, southwest, northwest

    /// The four orthogonal directions, in the order moves are tried.
    static let orthogonal: [GridDirection] = [.north, .east, .south, .west]

    /// The column change of one step.
    var dx: Int {
        switch self {
        case .east, .northeast, .southeast: 1
        case .west, .northwest, .southwest: -1
        case .north, .south: 0
        }
    }

    /// The row change of one step.
    var dy: Int {
        switch self {
        case .south, .southeast, .southwest: 1
        case .north, .northeast, .northwest: -1
        case .east, .west: 0
        }
    }

    /// Whether the step changes both the row and the column.
    var isDiagonal: Bool { dx != 0 && dy != 0 }
}

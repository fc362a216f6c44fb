import PlannerKit

/// A rectangular map of free cells (`.`) and walls (`#`).
struct Grid {
    /// The number of columns.
    let width: Int
    /// The number of rows.
    let height: Int
    private let walls: [Bool]

    /// Reads a map: rows separated by newlines or `/`, each row `.` (free) and `#` (wall).
    /// Spaces around a row and empty rows at either end are ignored.
    /// - Throws: `PlanningError.invalidObjective` for an empty or ragged map or another character.
    init(parsing text: String) throws(PlanningError) {
        var rows = text.split(omittingEmptySubsequences: false) { $0.isNewline || $0 == "/" }
            .map { $0.trimmingSpaces() }
        while rows.first?.isEmpty == true { rows.removeFirst() }
        while rows.last?.isEmpty == true { rows.removeLast() }
        guard let firstRow = rows.first else {
            throw PlanningError(.invalidObjective, "The map is empty; give rows of '.' (free) and '#' (wall) separated by newlines or '/'.")
        }
        let width = firstRow.count
        var walls: [Bool] = []
        walls.reserveCapacity(width * rows.count)
        for (y, row) in rows.enumerated() {
            guard row.count == width else {
                throw PlanningError(.invalidObjective, "Map row \(y) has \(row.count) cells but row 0 has \(width); the map must be rectangular.")
            }
            for (x, cell) in row.enumerated() {
                switch cell {
                case ".": walls.append(false)
                case "#": walls.append(true)
                default:
                    throw PlanningError(.invalidObjective, "Map cell \(x),\(y) is '\(cell)'; use '.' for a free cell and '#' for a wall.")
                }
            }
        }
        self.width = width
        self.height = rows.count
        self.walls = walls
    }

    /// Whether `point` lies on the map.
    func contains(_ point: GridPoint) -> Bool {
        (0..<width).contains(point.x) && (0..<height).contains(point.y)
    }

    /// Whether `point` lies on the map and is not a wall.
    func isFree(_ point: GridPoint) -> Bool {
        contains(point) && !walls[point.y * width + point.x]
    }

    /// The moves from `point` to free cells. A diagonal move must not cut a corner: both
    /// orthogonal cells it passes must be free too.
    func moves(from point: GridPoint, diagonal: Bool) -> [(action: GridDirection, state: GridPoint)] {
        let directions = diagonal ? GridDirection.allCases : GridDirection.orthogonal
        return directions.compactMap { direction in
            let next = point.moved(direction)
            guard isFree(next) else { return nil }
            if direction.isDiagonal {
                guard isFree(GridPoint(x: next.x, y: point.y)), isFree(GridPoint(x: point.x, y: next.y)) else { return nil }
            }
            return (direction, next)
        }
    }
}

extension Substring {
    /// The text without spaces, tabs and carriage returns at either end.
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        var trimmed = self
        while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        return trimmed
    }
}

/// An independent model of the grid world, written plainly for checking the planner: replaying
/// its steps, and brute-force and greedy searches to compare its plans against.
struct GridReference {
    struct Cell: Hashable {
        var x: Int
        var y: Int
    }

    /// The map's rows, `true` for a wall.
    let walls: [[Bool]]
    let allowsDiagonal: Bool

    init(map: String, allowsDiagonal: Bool = false) {
        walls = map.split { $0 == "\n" || $0 == "/" }.map { row in row.filter { $0 != " " }.map { $0 == "#" } }
        self.allowsDiagonal = allowsDiagonal
    }

    static let offsets: [String: (dx: Int, dy: Int)] = [
        "north": (0, -1), "south": (0, 1), "east": (1, 0), "west": (-1, 0),
        "northeast": (1, -1), "northwest": (-1, -1), "southeast": (1, 1), "southwest": (-1, 1),
    ]

    func isFree(_ cell: Cell) -> Bool {
        cell.y >= 0 && cell.y < walls.count && cell.x >= 0 && cell.x < walls[cell.y].count && !walls[cell.y][cell.x]
    }

    /// The cells one legal move away (diagonals may not cut corners).
    func neighbours(of cell: Cell) -> [Cell] {
        Self.offsets.values.compactMap { offset in
            let isDiagonal = offset.dx != 0 && offset.dy != 0
            if isDiagonal && !allowsDiagonal { return nil }
            let next = Cell(x: cell.x + offset.dx, y: cell.y + offset.dy)
            guard isFree(next) else { return nil }
            if isDiagonal, !isFree(Cell(x: next.x, y: cell.y)) || !isFree(Cell(x: cell.x, y: next.y)) { return nil }
            return next
        }
    }

    /// Replays steps like `move east to 1,0` from `start`.
    /// - Returns: the end cell, or a description of the first illegal or malformed step.
    func replay(_ steps: [String], from start: Cell) -> Result<Cell, ReplayFailure> {
        var position = start
        for (index, step) in steps.enumerated() {
            let words = step.split(separator: " ").map(String.init)
            let target = words.count == 4 ? words[3].split(separator: ",").compactMap { Int($0) } : []
            guard words.count == 4, words[0] == "move", words[2] == "to", target.count == 2,
                  let offset = Self.offsets[words[1]] else { return .failure(ReplayFailure("step \(index) is malformed: \(step)")) }
            let next = Cell(x: position.x + offset.dx, y: position.y + offset.dy)
            guard next == Cell(x: target[0], y: target[1]) else { return .failure(ReplayFailure("step \(index) claims the wrong cell: \(step)")) }
            guard neighbours(of: position).contains(next) else { return .failure(ReplayFailure("step \(index) is illegal: \(step)")) }
            position = next
        }
        return .success(position)
    }

    /// The fewest moves from `start` to `goal` by breadth-first search, or `nil` when unreachable.
    func shortestDistance(from start: Cell, to goal: Cell) -> Int? {
        var distance = [start: 0]
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [Cell] = []
            for cell in frontier {
                if cell == goal { return distance[cell] }
                for neighbour in neighbours(of: cell) where distance[neighbour] == nil {
                    distance[neighbour] = (distance[cell] ?? 0) + 1
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        return nil
    }

    /// The length of the route greedy best-first search finds (always expanding the cell closest
    /// to the goal by Manhattan distance, ties by order found), or `nil` when unreachable.
    func greedyRouteLength(from start: Cell, to goal: Cell) -> Int? {
        var depth = [start: 0]
        var open = [start]
        while !open.isEmpty {
            let best = open.indices.min { manhattan(open[$0], goal) < manhattan(open[$1], goal) } ?? 0
            let cell = open.remove(at: best)
            if cell == goal { return depth[cell] }
            for neighbour in neighbours(of: cell).sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) where depth[neighbour] == nil {
                depth[neighbour] = (depth[cell] ?? 0) + 1
                open.append(neighbour)
            }
        }
        return nil
    }

    private func manhattan(_ a: Cell, _ b: Cell) -> Int {
        abs(a.x - b.x) + abs(a.y - b.y)
    }
}

/// Why a replay failed.
struct ReplayFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

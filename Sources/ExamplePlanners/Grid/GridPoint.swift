/// A cell of a grid: `x` is the column and `y` the row, both from 0 at the top left.
struct GridPoint: Hashable, CustomStringConvertible {
    var x: Int
    var y: Int

    /// Reads `"x,y"` (spaces and brackets allowed, as in `"(3, 4)"`).
    init?(parsing text: String) {
        let tokens = Token.tokens(of: text)
        guard tokens.count == 3, let point = Self.point(in: tokens[...]) else { return nil }
        self = point
    }

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The first coordinate written right after the word `keyword` in `tokens`, as in
    /// `from 0,0`; `nil` when the keyword never precedes a coordinate.
    static func find(after keyword: String, in tokens: [Token]) -> GridPoint? {
        for index in tokens.indices where tokens[index] == .word(keyword) {
            if let point = point(in: tokens[(index + 1)...]) { return point }
        }
        return nil
    }

    /// A coordinate (`number , number`) at the start of `tokens`.
    private static func point(in tokens: ArraySlice<Token>) -> GridPoint? {
        let head = Array(tokens.prefix(3))
        guard head.count == 3, head[1] == .separator,
              let x = head[0].word.flatMap({ Int($0) }), let y = head[2].word.flatMap({ Int($0) }) else { return nil }
        return GridPoint(x: x, y: y)
    }

    /// The neighbour one step in `direction`.
    func moved(_ direction: GridDirection) -> GridPoint {
        GridPoint(x: x + direction.dx, y: y + direction.dy)
    }

    /// `"x,y"`, the form objectives and steps use.
    var description: String { "\(x),\(y)" }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var bottom: Int { y + height }
}

/// Where each pane goes for a terminal size: a header line, the planner list and the detail of
/// the highlighted planner on the left; the objective, the ranking with the explanation of the
/// highlighted row, and telemetry on the right; a message line and a key bar at the bottom.
/// Works from 80×24 up (smaller sizes get a notice instead).
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public let header: Rect
    public let plannerList: Rect
    public let plannerDetail: Rect
    /// The column of the vertical separator.
    public let separatorX: Int
    public let objective: Rect
    public let rankingRows: Rect
    public let explanation: Rect
    public let telemetry: Rect
    public let message: Rect
    public let keyBar: Rect

    public init(width: Int, height: Int) {
        let body = max(0, height - 3)
        let left = width >= 120 ? width * 36 / 100 : max(30, width * 40 / 100)
        let right = max(0, width - left - 1)
        header = Rect(x: 0, y: 0, width: width, height: 1)
        let listHeight = max(4, body * 55 / 100)
        plannerList = Rect(x: 0, y: 1, width: left, height: listHeight)
        plannerDetail = Rect(x: 0, y: 1 + listHeight, width: left, height: body - listHeight)
        separatorX = left
        objective = Rect(x: left + 1, y: 1, width: right, height: 3)
        let explanationHeight = min(8, max(3, body / 6))
        let rest = max(0, body - 3 - explanationHeight)
        let rankingHeight = rest * 55 / 100
        rankingRows = Rect(x: left + 1, y: 4, width: right, height: rankingHeight)
        explanation = Rect(x: left + 1, y: 4 + rankingHeight, width: right, height: explanationHeight)
        telemetry = Rect(x: left + 1, y: explanation.bottom, width: right, height: max(0, 1 + body - explanation.bottom))
        message = Rect(x: 0, y: height - 2, width: width, height: 1)
        keyBar = Rect(x: 0, y: height - 1, width: width, height: 1)
    }
}

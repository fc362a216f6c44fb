import PlannerKit

/// What a search did.
struct SearchStatistics: Sendable {
    var expanded = 0
    var generated = 0
    var evaluated = 0
}

/// A plan found by a search: action ids in order, and the search's statistics.
struct SearchResult: Sendable {
    var actions: [Int]
    var statistics: SearchStatistics
}

/// Checks a ``PlanningStop`` every `interval` calls.
struct StopPoll {
    let stop: PlanningStop
    let interval: Int
    private var count = 0

    init(_ stop: PlanningStop, every interval: Int) {
        self.stop = stop
        self.interval = interval
    }

    @inline(__always)
    mutating func tick() throws {
        count += 1
        if count >= interval {
            count = 0
            try stop.check()
        }
    }
}

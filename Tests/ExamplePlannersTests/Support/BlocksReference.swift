import PlannerTestSupport

/// An independent model of the blocks world, written plainly for checking the planner: a state
/// maps each block to what it stands on (`"table"` or a block).
struct BlocksReference {
    typealias State = [String: String]

    /// Reads `"a on b on c, d"`-style towers (a on b, b on c; unplaced blocks on the table).
    static func state(_ text: String) -> State {
        var state: State = [:]
        for clause in text.split(separator: ",") {
            let names = clause.split(separator: " ").map(String.init).filter { $0 != "on" }
            for (upper, lower) in zip(names, names.dropFirst()) { state[upper] = lower }
            for name in names where state[name] == nil && name != "table" { state[name] = "table" }
        }
        return state
    }

    static func isClear(_ block: String, in state: State) -> Bool {
        !state.values.contains(block)
    }

    static func satisfies(_ state: State, _ goal: State) -> Bool {
        goal.allSatisfy { state[$0.key] == $0.value }
    }

    /// Every state one legal move away.
    static func successors(of state: State) -> [State] {
        var result: [State] = []
        for block in state.keys.sorted() where isClear(block, in: state) {
            let destinations = ["table"] + state.keys.sorted().filter { $0 != block && isClear($0, in: state) }
            for destination in destinations where destination != state[block] {
                var next = state
                next[block] = destination
                result.append(next)
            }
        }
        return result
    }

    /// Replays steps like `move a from table to b`.
    /// - Returns: the final state, or a description of the first illegal or malformed step.
    static func replay(_ steps: [String], from start: State) -> Result<State, ReplayFailure> {
        var state = start
        for (index, step) in steps.enumerated() {
            let words = step.split(separator: " ").map(String.init)
            guard words.count == 6, words[0] == "move", words[2] == "from", words[4] == "to" else {
                return .failure(ReplayFailure("step \(index) is malformed: \(step)"))
            }
            let (block, from, to) = (words[1], words[3], words[5])
            guard state[block] == from else { return .failure(ReplayFailure("step \(index): \(block) is not on \(from)")) }
            guard isClear(block, in: state) else { return .failure(ReplayFailure("step \(index): \(block) is not clear")) }
            guard to != from, to != block else { return .failure(ReplayFailure("step \(index) goes nowhere: \(step)")) }
            guard to == "table" || (state[to] != nil && isClear(to, in: state)) else {
                return .failure(ReplayFailure("step \(index): \(to) is not a clear block"))
            }
            state[block] = to
        }
        return .success(state)
    }

    /// The fewest moves from `start` to a state satisfying `goal`, by breadth-first search.
    static func shortestPlanLength(from start: State, to goal: State) -> Int? {
        shortestPlan(from: start, to: goal)?.length
    }

    /// The fewest moves from `start` to a state satisfying `goal`, and the first such state
    /// found, by breadth-first search.
    static func shortestPlan(from start: State, to goal: State) -> (length: Int, end: State)? {
        var seen: Set<State> = [start]
        var frontier = [start]
        var depth = 0
        while !frontier.isEmpty {
            if let end = frontier.first(where: { satisfies($0, goal) }) { return (depth, end) }
            var next: [State] = []
            for state in frontier {
                for successor in successors(of: state) where seen.insert(successor).inserted {
                    next.append(successor)
                }
            }
            frontier = next
            depth += 1
        }
        return nil
    }

    /// A random arrangement of `blocks` into towers, in the `"a on b, c"` text form.
    static func randomTowers(of blocks: [String], using generator: inout SeededGenerator) -> String {
        var shuffled = blocks.shuffled(using: &generator)
        var towers: [String] = []
        while !shuffled.isEmpty {
            let height = Int.random(in: 1...shuffled.count, using: &generator)
            towers.append(shuffled.prefix(height).joined(separator: " on "))
            shuffled.removeFirst(height)
        }
        return towers.joined(separator: ", ")
    }
}

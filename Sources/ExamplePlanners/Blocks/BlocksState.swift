/// A blocks-world state: what each block stands on. Blocks are numbered `0..<count`.
struct BlocksState: Hashable {
    /// The support value meaning "on the table".
    static let table = -1

    /// For each block, the number of the block it stands on, or ``table``.
    var supports: [Int]

    /// Whether nothing stands on each block.
    var clearBlocks: [Bool] {
        var clear = [Bool](repeating: true, count: supports.count)
        for support in supports where support != Self.table { clear[support] = false }
        return clear
    }

    /// The moves worth trying, and the states they lead to: a clear block goes onto the table
    /// (when not already there) or onto its goal support (when that is a clear block).
    ///
    /// Leaving out the other legal moves keeps plans shortest. Take any plan and change each move
    /// that parks a block on a block other than its goal support into a move to the table: the
    /// parked block covers nothing there, so every later move stays legal (a later move from
    /// the table to the table is dropped), and the goal, which says nothing about where the
    /// block was parked, still holds. So some shortest plan uses only these moves.
    /// - Parameter goalSupports: each block's goal support: a block number, ``table``, or `nil`
    ///   when the goal does not place it.
    func moves(toward goalSupports: [Int?]) -> [(action: BlockMove, state: BlocksState)] {
        let clear = clearBlocks
        var moves: [(action: BlockMove, state: BlocksState)] = []
        for block in supports.indices where clear[block] {
            let from = supports[block]
            var destinations: [Int] = []
            if from != Self.table { destinations.append(Self.table) }
            if let goal = goalSupports[block], goal != Self.table, goal != from, clear[goal] { destinations.append(goal) }
            for destination in destinations {
                var next = self
                next.supports[block] = destination
                moves.append((BlockMove(block: block, from: from, to: destination), next))
            }
        }
        return moves
    }
}

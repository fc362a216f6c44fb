/// Moving one clear block from what it stands on to the table or onto another clear block.
struct BlockMove: Hashable {
    /// The block moved.
    var block: Int
    /// What it stood on: a block number or ``BlocksState/table``.
    var from: Int
    /// What it stands on afterwards: a block number or ``BlocksState/table``.
    var to: Int

    /// The step text, e.g. `move a from table to b`.
    func description(names: [String]) -> String {
        func name(_ support: Int) -> String { support == BlocksState.table ? "table" : names[support] }
        return "move \(names[block]) from \(name(from)) to \(name(to))"
    }
}

/// A ranking's keys in order, sorted once, when first needed, and shared by the copies of the
/// ranking (a `Ranking` is a value passed between threads).
final class SortedKeys: Sendable {
    private let state = Locked<[UInt128]?>(nil)

    /// The sorted keys, when they were sorted already.
    var sorted: [UInt128]? { state.withLock { $0 } }

    /// Sorts `keys` unless that was done, and returns them in order.
    func sort(_ keys: [UInt128]) -> [UInt128] {
        if let sorted { return sorted }
        let sorted = keys.sorted()
        return state.withLock { stored in
            if let stored { return stored }
            stored = sorted
            return sorted
        }
    }
}

/// Every state a search has seen, packed as bits (one bit per fact), each stored once and
/// numbered in order of first sight.
struct StateRegistry {
    let wordCount: Int
    private(set) var words: [UInt64] = []
    private var hashes: [UInt64] = []
    /// Open addressing: state id + 1, 0 for empty.
    private var table: [Int32]
    private var mask: Int

    init(wordCount: Int) {
        self.wordCount = wordCount
        table = Array(repeating: 0, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    var count: Int { hashes.count }

    @inline(__always)
    static func hash(_ state: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in state {
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return hash
    }

    /// The id of the state, inserting it when new.
    mutating func insert(_ state: [UInt64]) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(state)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(table[slot])
            if entry == 0 { break }
            let id = entry - 1
            if hashes[id] == hash && matches(id, state) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        words.append(contentsOf: state)
        table[slot] = Int32(id + 1)
        if hashes.count * 2 > table.count { grow() }
        return (id, true)
    }

    @inline(__always)
    private func matches(_ id: Int, _ state: [UInt64]) -> Bool {
        let base = id * wordCount
        for index in 0..<wordCount where words[base + index] != state[index] { return false }
        return true
    }

    private mutating func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        mask = table.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(id + 1)
        }
    }

    /// Copies state `id` into `buffer`.
    @inline(__always)
    func load(_ id: Int, into buffer: inout [UInt64]) {
        let base = id * wordCount
        for index in 0..<wordCount { buffer[index] = words[base + index] }
    }
}

/// Lists of small integers stored back to back: list `i` is `values[starts[i]..<starts[i + 1]]`.
struct FlatLists: Sendable {
    private(set) var starts: [Int] = [0]
    private(set) var values: [Int32] = []

    init() {}

    init(_ lists: [[Int]]) {
        starts.reserveCapacity(lists.count + 1)
        for list in lists { append(list) }
    }

    /// Builds the inverse: for each value `v < count`, the indices of the lists holding it.
    init(invertedFrom lists: FlatLists, count: Int) {
        var buckets = Array(repeating: [Int](), count: count)
        for list in 0..<lists.count {
            for value in lists[list] { buckets[Int(value)].append(list) }
        }
        self.init(buckets)
    }

    mutating func append(_ list: [Int]) {
        for value in list { values.append(Int32(value)) }
        starts.append(values.count)
    }

    var count: Int { starts.count - 1 }

    @inline(__always)
    subscript(_ index: Int) -> ArraySlice<Int32> { values[starts[index]..<starts[index + 1]] }

    @inline(__always)
    func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }
}

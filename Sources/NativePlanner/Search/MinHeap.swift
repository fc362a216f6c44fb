/// A binary min-heap.
struct MinHeap<Element: Comparable> {
    private(set) var elements: [Element] = []

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }

    mutating func removeAll() { elements.removeAll(keepingCapacity: true) }

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if !(element < elements[parent]) { break }
            elements[child] = elements[parent]
            child = parent
        }
        elements[child] = element
    }

    mutating func pop() -> Element? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        let top = elements[0]
        var parent = 0
        let count = elements.count
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count && elements[child + 1] < elements[child] { child += 1 }
            if !(elements[child] < last) { break }
            elements[parent] = elements[child]
            parent = child
        }
        elements[parent] = last
        return top
    }
}

extension UInt64 {
    /// A heap key ordering by `priority`, then by `order` (insertion order: FIFO among equals).
    @inline(__always)
    static func heapKey(priority: Int, order: Int) -> UInt64 {
        UInt64(Swift.min(Swift.max(priority, 0), (1 << 23) - 1)) << 40 | UInt64(order & ((1 << 40) - 1))
    }
}

/// A fixed-capacity buffer that keeps the most recent elements: appending to a full buffer
/// evicts the oldest element.
///
/// Storage is reserved once, at creation; once the buffer is full every append overwrites the
/// oldest slot in place, so appending never allocates. Iteration runs oldest → newest.
///
/// ```swift
/// var recent = RingBuffer<Int>(capacity: 3)
/// for value in 1...5 { recent.append(value) }
/// recent.elements()               // [3, 4, 5]
/// recent.newestFirst(limit: 2)    // [5, 4]
/// recent.evictedCount             // 2
/// ```
public struct RingBuffer<Element> {
    /// The elements; `storage.count` grows to `capacity` and then stays there.
    private var storage: ContiguousArray<Element>
    /// The physical index of the oldest element (and of the next write once full); 0 until full.
    private var head = 0

    /// The most elements the buffer holds.
    public let capacity: Int
    /// How many elements were appended since creation or the last `removeAll()`.
    public private(set) var totalAppended = 0
    /// How many elements were evicted to make room since creation or the last `removeAll()`.
    public private(set) var evictedCount = 0

    /// Creates an empty buffer.
    /// - Parameter capacity: the most elements to keep; must be at least 1 (configuration
    ///   validates user-supplied capacities before they get here).
    public init(capacity: Int) {
        precondition(capacity >= 1, "RingBuffer capacity must be at least 1, got \(capacity).")
        self.capacity = capacity
        storage = []
        storage.reserveCapacity(capacity)
    }

    /// How many elements the buffer holds now (at most `capacity`).
    public var count: Int { storage.count }

    /// Whether the buffer holds no element.
    public var isEmpty: Bool { storage.isEmpty }

    /// Whether the buffer holds `capacity` elements, so the next append evicts the oldest.
    public var isFull: Bool { storage.count == capacity }

    /// Appends an element in O(1), evicting the oldest element when the buffer is full.
    /// - Parameter element: the new newest element.
    public mutating func append(_ element: consuming Element) {
        var element = element
        append(exchanging: &element)
    }

    /// Appends `element` and hands back what the buffer let go of, so that a caller holding a lock
    /// can release it after unlocking.
    ///
    /// - Parameter element: the new newest element; on return, the evicted element, or `element`
    ///   itself when nothing was evicted.
    /// - Returns: whether an element was evicted.
    @discardableResult
    mutating func append(exchanging element: inout Element) -> Bool {
        totalAppended += 1
        guard storage.count == capacity else {
            storage.append(element)
            return false
        }
        swap(&storage[head], &element)
        head += 1
        if head == capacity { head = 0 }
        evictedCount += 1
        return true
    }

    /// The elements, oldest first.
    public func elements() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(storage.count)
        result.append(contentsOf: storage[head...])
        result.append(contentsOf: storage[..<head])
        return result
    }

    /// The newest elements, newest first.
    /// - Parameter limit: the most elements to return; a negative limit returns none.
    /// - Returns: `min(limit, count)` elements, the newest first.
    public func newestFirst(limit: Int) -> [Element] {
        let wanted = Swift.max(0, Swift.min(limit, storage.count))
        var result: [Element] = []
        result.reserveCapacity(wanted)
        var offset = storage.count - 1
        while result.count < wanted {
            result.append(self[logical: offset])
            offset -= 1
        }
        return result
    }

    /// The newest element, if any.
    public var newest: Element? {
        storage.isEmpty ? nil : self[logical: storage.count - 1]
    }

    /// Empties the buffer and zeroes `totalAppended` and `evictedCount`, keeping the reserved storage.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        head = 0
        totalAppended = 0
        evictedCount = 0
    }

    /// How many elements the reserved storage holds: tests check it never grows past `capacity`.
    var reservedCapacity: Int { storage.capacity }

    /// The element at `offset` from the oldest (0) to the newest (`count - 1`).
    subscript(logical offset: Int) -> Element {
        let physical = head + offset
        return storage[physical < storage.count ? physical : physical - storage.count]
    }
}

extension RingBuffer: Sendable where Element: Sendable {}

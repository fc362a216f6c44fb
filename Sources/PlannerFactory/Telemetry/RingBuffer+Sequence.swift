extension RingBuffer: Sequence {
    /// Iterates a ring buffer's elements, oldest first.
    public struct Iterator: IteratorProtocol {
        private let buffer: RingBuffer
        private var offset = 0

        init(_ buffer: RingBuffer) { self.buffer = buffer }

        /// The next older-to-newer element, or `nil` past the newest.
        public mutating func next() -> Element? {
            guard offset < buffer.count else { return nil }
            defer { offset += 1 }
            return buffer[logical: offset]
        }
    }

    /// An iterator over the elements, oldest first.
    public func makeIterator() -> Iterator { Iterator(self) }

    /// The number of elements: iteration yields exactly `count` elements.
    public var underestimatedCount: Int { count }
}

extension RingBuffer.Iterator: Sendable where Element: Sendable {}

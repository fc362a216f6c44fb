import Testing
@testable import PlannerFactory

@Suite struct RingBufferTests {
    @Test func keepsElementsOldestFirstUntilFull() {
        var buffer = RingBuffer<Int>(capacity: 4)
        #expect(buffer.isEmpty)
        for value in 1...3 { buffer.append(value) }
        #expect(buffer.elements() == [1, 2, 3])
        #expect(Array(buffer) == [1, 2, 3])
        #expect(buffer.count == 3)
        #expect(!buffer.isFull)
        #expect(buffer.evictedCount == 0)
        #expect(buffer.totalAppended == 3)
    }

    @Test func evictsTheOldestWhenFull() {
        var buffer = RingBuffer<Int>(capacity: 4)
        for value in 1...10 { buffer.append(value) }
        #expect(buffer.elements() == [7, 8, 9, 10])
        #expect(Array(buffer) == [7, 8, 9, 10])
        #expect(buffer.count == 4)
        #expect(buffer.capacity == 4)
        #expect(buffer.isFull)
        #expect(buffer.totalAppended == 10)
        #expect(buffer.evictedCount == 6)
        #expect(buffer.newest == 10)
    }

    @Test(arguments: 1...9)
    func orderIsRightAtEveryWrapPosition(appended: Int) {
        var buffer = RingBuffer<Int>(capacity: 3)
        for value in 1...appended { buffer.append(value) }
        let expected = Array(Swift.max(1, appended - 2)...appended)
        #expect(buffer.elements() == expected)
        #expect(Array(buffer) == expected)
        #expect(buffer.newestFirst(limit: 3) == expected.reversed())
    }

    @Test func storageNeverGrowsPastCapacity() {
        var buffer = RingBuffer<String>(capacity: 8)
        let reserved = buffer.reservedCapacity
        #expect(reserved >= 8)
        for value in 0..<1_000 { buffer.append("record \(value)") }
        #expect(buffer.count == 8)
        #expect(buffer.reservedCapacity == reserved)
        #expect(buffer.elements() == (992..<1_000).map { "record \($0)" })
    }

    @Test func newestFirstHonoursTheLimit() {
        var buffer = RingBuffer<Int>(capacity: 5)
        for value in 1...7 { buffer.append(value) }
        #expect(buffer.newestFirst(limit: 2) == [7, 6])
        #expect(buffer.newestFirst(limit: 5) == [7, 6, 5, 4, 3])
        #expect(buffer.newestFirst(limit: 100) == [7, 6, 5, 4, 3])
        #expect(buffer.newestFirst(limit: 0) == [])
        #expect(buffer.newestFirst(limit: -3) == [])
    }

    @Test func capacityOneKeepsOnlyTheNewest() {
        var buffer = RingBuffer<Int>(capacity: 1)
        buffer.append(1)
        #expect(buffer.elements() == [1])
        buffer.append(2)
        buffer.append(3)
        #expect(buffer.elements() == [3])
        #expect(buffer.newestFirst(limit: 5) == [3])
        #expect(buffer.count == 1)
        #expect(buffer.totalAppended == 3)
        #expect(buffer.evictedCount == 2)
    }

    @Test func removeAllStartsOverAndKeepsStorage() {
        var buffer = RingBuffer<Int>(capacity: 3)
        for value in 1...5 { buffer.append(value) }
        let reserved = buffer.reservedCapacity
        buffer.removeAll()
        #expect(buffer.isEmpty)
        #expect(buffer.elements() == [])
        #expect(buffer.newest == nil)
        #expect(buffer.totalAppended == 0)
        #expect(buffer.evictedCount == 0)
        #expect(buffer.reservedCapacity == reserved)
        for value in 6...7 { buffer.append(value) }
        #expect(buffer.elements() == [6, 7])
    }

    @Test func exchangingAppendHandsBackTheEvictedElement() {
        var buffer = RingBuffer<String>(capacity: 2)
        var evictions: [Bool] = []
        var element = "a"
        evictions.append(buffer.append(exchanging: &element))
        element = "b"
        evictions.append(buffer.append(exchanging: &element))
        element = "c"
        evictions.append(buffer.append(exchanging: &element))
        #expect(evictions == [false, false, true])
        #expect(element == "a")
        #expect(buffer.elements() == ["b", "c"])
        #expect(buffer.evictedCount == 1)
    }

    @Test func isAValue() {
        var original = RingBuffer<Int>(capacity: 2)
        original.append(1)
        var copy = original
        copy.append(2)
        copy.append(3)
        #expect(original.elements() == [1])
        #expect(copy.elements() == [2, 3])
    }
}

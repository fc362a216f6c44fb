import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Bundle folders are listed in the byte order of their names, whatever the names hold.
@Suite struct BundleListerOrderTests {
    /// Random names over an alphabet that makes long common prefixes (so the 8-byte key ties),
    /// prefixes of one another, upper and lower case, and multi-byte UTF-8 (`é` sorts after `z`
    /// as bytes, and `É` before `é`): the order is the order of the UTF-8 bytes.
    @Test func namesAreInByteOrder() {
        var generator = SeededGenerator(seed: 77)
        let alphabet: [String] = ["a", "b", "A", "Z", "0", "9", "-", "é", "É", "z", "日", "p0000000"]
        for _ in 0..<200 {
            let names = (0..<Int(generator.next() % 60) + 1).map { _ in
                (0..<Int(generator.next() % 5) + 1).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            }
            let entries = names.map { FileSystem.Entry(exactName: $0, type: FileSystem.typeDirectory) }
            let sorted = BundleLister.sortedByName(entries).map(\.exactName)
            let expected = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            #expect(sorted == expected)
        }
    }

    /// A name holding a byte that is not UTF-8 (kept as a `PathBytes` escape) is ordered by its
    /// raw bytes: `\xff` after every UTF-8 lead byte, `\x80` before `é` (C3 A9).
    @Test func rawBytesAreOrderedByTheirBytes() {
        let names = [PathBytes.string(decoding: [0x61, 0xFF]), "aé", PathBytes.string(decoding: [0x61, 0x80]), "az", "a"]
        let sorted = BundleLister.sortedByName(names.map { FileSystem.Entry(exactName: $0, type: FileSystem.typeDirectory) })
        #expect(sorted.map { PathBytes.bytes(of: $0.exactName) } == [[0x61], [0x61, 0x7A], [0x61, 0x80], [0x61, 0xC3, 0xA9], [0x61, 0xFF]])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns terms to dense ids, in the order each term first appears, with `String` equality
/// (canonical equivalence: `"a\u{37E}b" == "a;b"`) as a term's identity, as a `[String: Int32]`
/// would, but without hashing a `String` for every occurrence.
///
/// A registry of 10,000 planners mentions a few hundred distinct terms some 100,000 times. Each
/// spelling seen is remembered by its exact UTF-8 bytes in an open-addressing table with a cheap
/// hash (seeded per process); a repeated spelling is answered from there. Only a spelling not
/// seen before goes through the `[String: Int32]` dictionary, which maps spellings that are equal
/// as strings but differ in bytes to one id. Byte-equal spellings are equal strings, so the table
/// never answers differently from the dictionary. Should many spellings collide, a lookup gives up
/// the table after a few probes and asks the dictionary: crafted terms cost what they did before.
struct TermTable: Sendable {
    /// A remembered spelling: its first 16 bytes (as `key(for:)` reads them), its length, its hash,
    /// the id of its term, and where its bytes after the 16th are in `tails`.
    private struct Slot: Sendable {
        var head: (UInt64, UInt64) = (0, 0)
        var hash: UInt64 = 0
        var id: Int32 = -1
        var length: Int32 = 0
        var tailOffset: Int32 = 0
    }

    /// A spelling being looked up.
    private struct Key {
        var head: (UInt64, UInt64)
        var hash: UInt64
        var bytes: UnsafeBufferPointer<UInt8>
    }

    /// Every term's id.
    private(set) var ids: [String: Int32] = [:]
    /// Every term by id, as first spelled.
    private(set) var terms: [String] = []
    private var slots = [Slot](repeating: Slot(), count: 256)
    private var slotsInUse = 0
    /// The bytes after the 16th of the remembered spellings longer than 16 bytes.
    private var tails: [UInt8] = []
    private let seed: UInt64

    /// Probes of the byte table before a lookup asks the dictionary instead.
    private static let maximumProbes = 8
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    init() {
        // The process's random hashing seed, so spellings that collide cannot be chosen beforehand.
        var hasher = Hasher()
        hasher.combine(0x7465_726D as UInt32)
        seed = UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// How many distinct terms there are (ids are `0..<count`).
    var count: Int { terms.count }

    /// The id of `term`, if it was interned.
    func id(of term: String) -> Int32? {
        ids[term]
    }

    /// The id of `term`, assigning the next one (`count`) to a term not seen before.
    mutating func intern(_ term: String) -> Int32 {
        let cached = term.utf8.withContiguousStorageIfAvailable { bytes in intern(term, spelledAs: bytes) }
        return cached ?? internInDictionary(term)
    }

    private mutating func intern(_ term: String, spelledAs bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let key = key(for: bytes)
        switch find(key) {
        case .found(let id):
            return id
        case .free(let position):
            let id = internInDictionary(term)
            remember(key, id: id, at: position)
            return id
        case .crowded:
            return internInDictionary(term)
        }
    }

    /// Where a spelling is in the slots.
    private enum Place {
        case found(Int32)
        /// Not there: the free slot it would go to.
        case free(Int)
        /// Not within the probes allowed.
        case crowded
    }

    private func find(_ key: Key) -> Place {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var position = Int(truncatingIfNeeded: key.hash) & mask
            for _ in 0..<Self.maximumProbes {
                let slot = slots[position]
                if slot.id < 0 { return .free(position) }
                if slot.hash == key.hash, slot.head == key.head, Int(slot.length) == key.bytes.count, hasSameTail(slot, key) {
                    return .found(slot.id)
                }
                position = (position + 1) & mask
            }
            return .crowded
        }
    }

    private mutating func internInDictionary(_ term: String) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        return id
    }

    /// The head and hash of `bytes`: the first 16 bytes as two words, then the rest eight at a
    /// time, each word mixed in by a multiplication. A spelling shorter than 16 bytes is read in
    /// overlapping words (zero-padded below four bytes), which for a given length still determine
    /// every byte, so equal heads and lengths mean equal spellings up to the 16th byte.
    private func key(for bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let count = bytes.count
        var head: (UInt64, UInt64) = (0, 0)
        var hash = (seed ^ UInt64(count)) &* Self.multiplier
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            func word(at offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            func half(at offset: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
            switch count {
            case 16...: head = (word(at: 0), word(at: 8))
            case 8..<16: head = (word(at: 0), word(at: count - 8) >> (UInt64(16 - count) * 8))
            case 4..<8: head.0 = half(at: 0) | half(at: count - 4) << 32
            default: for index in 0..<count { head.0 |= UInt64(bytes[index]) << (UInt64(index) * 8) }
            }
            hash = Self.mix(Self.mix(hash, head.0), head.1)
            if count > 16 {
                var offset = 16
                while offset + 8 <= count {
                    hash = Self.mix(hash, word(at: offset))
                    offset += 8
                }
                var last: UInt64 = 0
                for index in offset..<count { last |= UInt64(bytes[index]) << (UInt64(index - offset) * 8) }
                hash = Self.mix(hash, last)
            }
        }
        return Key(head: head, hash: hash ^ hash >> 32, bytes: bytes)
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* multiplier
        return mixed ^ mixed >> 29
    }

    /// Whether the bytes after the 16th of the spelling in `slot` (of the key's length) are the key's.
    private func hasSameTail(_ slot: Slot, _ key: Key) -> Bool {
        let tail = key.bytes.count - 16
        guard tail > 0 else { return true }
        guard let base = key.bytes.baseAddress else { return false }
        return tails.withUnsafeBufferPointer { stored in
            stored.baseAddress.map { memcmp($0 + Int(slot.tailOffset), base + 16, tail) == 0 } ?? false
        }
    }

    private mutating func remember(_ key: Key, id: Int32, at position: Int) {
        let tail = max(0, key.bytes.count - 16)
        // Past 2 GiB of spellings, the dictionary alone answers.
        guard key.bytes.count <= Int(Int32.max), tails.count + tail <= Int(Int32.max) else { return }
        slots[position] = Slot(head: key.head, hash: key.hash, id: id, length: Int32(key.bytes.count), tailOffset: Int32(tails.count))
        if tail > 0 { tails.append(contentsOf: key.bytes[16...]) }
        slotsInUse += 1
        if slotsInUse * 2 > slots.count { grow() }
    }

    /// Doubles the slots (at most half of them in use keeps probes short).
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.id >= 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].id >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}

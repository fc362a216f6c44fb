#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as Strings without losing a byte. A Linux path is bytes, not text: a folder may be
/// named `sp\xff`, which no Swift String can hold, and Swift's own conversions (`String(cString:)`,
/// `CommandLine.arguments`) replace such bytes with U+FFFD, so the factory would look for a
/// different folder. Every path the factory reads from the system (arguments, the environment,
/// folder listings, `realpath`, `readlink`, `mkdtemp`) is decoded here instead, and turned back
/// into the same bytes at every system call (`withCString(_:_:)`; see `RawPathCalls.swift`).
///
/// The scheme: bytes that are valid UTF-8 stay the text they are; every other byte B (always
/// 0x80–0xFF: ASCII is always valid) becomes the private-use scalar U+EF00 + B, in
/// U+EF80–U+EFFF (the range MirBSD's OPTU-8 uses for the same purpose; Python's surrogate
/// escapes are not valid in a Swift String). So that decoding and encoding are exact inverses on
/// bytes, a valid UTF-8 name that spells one of those 128 scalars itself is decoded as escapes of
/// its three bytes too.
///
/// Its one limit: a String that did not come from this decoder (typed in Swift code, or read from
/// a manifest, which is JSON and so UTF-8) and holds one of U+EF80–U+EFFF stands for the raw byte
/// B, not for that scalar's UTF-8. No real file name is affected: every byte sequence, those
/// scalars' UTF-8 included, decodes and encodes back exactly.
///
/// Shown to people, such bytes are `\xff` (`TerminalText`); in JSON output they are U+FFFD, with
/// the exact bytes beside in base64 (`JSONValue.showingRawBytes`).
public enum PathBytes {
    /// The first byte of the UTF-8 of every escape scalar (U+EF80–U+EFFF is EE BE 80 – EE BF BF).
    private static let escapeLead: UInt8 = 0xEE

    /// `bytes` as a String, losslessly: invalid UTF-8 bytes become escape scalars.
    ///
    /// ```swift
    /// PathBytes.string(decoding: Array("sp".utf8) + [0xFF])  // "sp\u{EFFF}"
    /// ```
    public static func string(decoding bytes: some Collection<UInt8>) -> String {
        let decoded = bytes.withContiguousStorageIfAvailable { string(decodingBuffer: $0) }
        return decoded ?? Array(bytes).withUnsafeBufferPointer { string(decodingBuffer: $0) }
    }

    /// The NUL-terminated C string at `pointer`, losslessly (what `String(cString:)` is for text).
    public static func string(cString pointer: UnsafePointer<CChar>) -> String {
        string(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// The bytes `text` stands for: the UTF-8 of its scalars, each escape scalar as its one raw byte.
    ///
    /// ```swift
    /// PathBytes.bytes(of: "sp\u{EFFF}")  // [0x73, 0x70, 0xFF]
    /// ```
    public static func bytes(of text: some StringProtocol) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var utf8 = text.utf8.makeIterator()
        // An escape scalar is EE, then BE or BF, then 80–BF; any other EE starts a scalar of its own.
        while let byte = utf8.next() {
            guard byte == escapeLead else {
                result.append(byte)
                continue
            }
            // A String is valid UTF-8: a lead byte EE always has its two continuation bytes.
            guard let second = utf8.next(), let third = utf8.next() else { break }
            if second == 0xBE || second == 0xBF {
                result.append(0x80 | (second & 1) << 6 | third & 0x3F)
            } else {
                result.append(contentsOf: [byte, second, third])
            }
        }
        return result
    }

    /// Whether `text` holds a raw byte (an escape scalar): whether its bytes are not plain UTF-8.
    public static func holdsRawBytes(_ text: some StringProtocol) -> Bool {
        let fast = text.utf8.withContiguousStorageIfAvailable(containsEscape)
        if let fast { return fast }
        return text.unicodeScalars.contains { rawByte(of: $0) != nil }
    }

    /// The raw byte an escape scalar (U+EF00 + byte) stands for, or `nil` for every other scalar.
    public static func rawByte(of scalar: Unicode.Scalar) -> UInt8? {
        (0xEF80...0xEFFF).contains(scalar.value) ? UInt8(truncatingIfNeeded: scalar.value) : nil
    }

    /// `text` for a reader of JSON: U+FFFD in place of each raw byte (as Swift's lossy decoding
    /// shows them); a valid name that was escaped byte by byte (it spells U+EF80–U+EFFF) as itself.
    public static func replacingRawBytes(_ text: String) -> String {
        guard holdsRawBytes(text) else { return text }
        return String(decoding: bytes(of: text), as: UTF8.self)
    }

    /// Runs `body` with `text` as the NUL-terminated bytes it stands for: what every system call
    /// taking a path gets. Without escape scalars that is `text`'s own UTF-8, not copied.
    public static func withCString<Result>(
        _ text: String, _ body: (UnsafePointer<CChar>) throws -> Result
    ) rethrows -> Result {
        guard holdsRawBytes(text) else { return try text.withCString(body) }
        let raw = bytes(of: text).map { CChar(bitPattern: $0) } + [0]
        return try raw.withUnsafeBufferPointer { buffer in
            // A non-empty array always has storage; the fallback is never taken.
            guard let start = buffer.baseAddress else { return try text.withCString(body) }
            return try body(start)
        }
    }

    /// A `malloc`ed copy of the bytes `text` stands for (what `strdup` makes of text), for
    /// argument and environment arrays; free it with `free`.
    public static func duplicate(_ text: String) -> UnsafeMutablePointer<CChar>? {
        withCString(text) { strdup($0) }
    }
}

extension PathBytes {
    /// Decodes a buffer: the text itself when it is UTF-8 without an escape scalar's bytes (no
    /// byte 0xEE: the common case, one pass), else byte by byte.
    private static func string(decodingBuffer bytes: UnsafeBufferPointer<UInt8>) -> String {
        // ASCII (most names) needs no validation: the validating initializer is slow, unspecialized code.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let base = bytes.baseAddress, memchr(base, Int32(escapeLead), bytes.count) == nil,
           let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        if bytes.isEmpty { return "" }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0, !isEscapeSequence(bytes, at: index, length: length) {
                utf8.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                appendEscape(of: bytes[index], to: &utf8)
                index += 1
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The UTF-8 of the escape scalar of raw byte `byte`.
    private static func appendEscape(of byte: UInt8, to utf8: inout [UInt8]) {
        utf8.append(escapeLead)
        utf8.append(0xBE + (byte >> 6 & 1))
        utf8.append(0x80 | byte & 0x3F)
    }

    /// Whether the valid sequence at `index` is the UTF-8 of an escape scalar (EE BE xx or EE BF xx).
    private static func isEscapeSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        length == 3 && bytes[index] == escapeLead && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF)
    }

    /// Whether a buffer of valid UTF-8 holds an escape scalar. `memchr` finds the lead bytes: every
    /// path passed to a system call is checked, so this must cost next to nothing.
    private static func containsEscape(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var start = buffer.baseAddress, buffer.count > 1 else { return false }
        let last = start + (buffer.count - 1)  // a lead byte here has no second byte
        while start < last, let found = memchr(start, Int32(escapeLead), last - start) {
            let lead = found.assumingMemoryBound(to: UInt8.self)
            if lead[1] == 0xBE || lead[1] == 0xBF { return true }
            start = UnsafePointer(lead) + 1
        }
        return false
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (Unicode table 3-7: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or 0 when none starts there.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}

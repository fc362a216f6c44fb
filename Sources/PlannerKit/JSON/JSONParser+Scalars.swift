extension JSONParser {
    /// A string at the current position (its opening quote), unescaped and checked as UTF-8.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        var scalars: [UInt8]? = nil  // only allocated when the string has escapes
        var runStart = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let result: String?
                if var buffer = scalars {
                    buffer.append(contentsOf: bytes[runStart..<index])
                    result = String(validating: buffer, as: UTF8.self)
                } else if isASCII {
                    // Pure ASCII is valid UTF-8: skip the (unspecialized, slower) validating initializer.
                    result = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                } else {
                    result = String(validating: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                }
                guard let string = result else {
                    index = start
                    throw error("a string that is not valid UTF-8")
                }
                index += 1
                return string
            }
            if byte >= 0x80 { isASCII = false }
            if byte < 0x20 {
                throw error("an unescaped control character (0x\(String(byte, radix: 16))) inside a string")
            }
            if byte == UInt8(ascii: "\\") {
                var buffer = scalars ?? []
                buffer.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &buffer)
                scalars = buffer
                runStart = index
                continue
            }
            index += 1
        }
        index = start
        throw error("a string that is never closed")
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input inside an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("a lone UTF-16 high surrogate in a \\u escape") }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("an invalid UTF-16 surrogate pair") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("a lone UTF-16 low surrogate in a \\u escape")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            index -= 1
            throw error("an invalid escape '\\\(describeRaw(byte))' inside a string")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("unexpected end of input inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("unexpected \(describeByte(at: index)) in a \\u escape, expected a hex digit")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A number at the current position, as RFC 8259 writes it.
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("a number with no digits")
        }
        var integer: Int64 = 0
        var isSmallInteger = true
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number with a leading zero") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                if integer < 1_000_000_000_000_000 {
                    integer = integer * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                } else {
                    isSmallInteger = false
                }
                index += 1
            }
        }
        if peek(UInt8(ascii: ".")) {
            isSmallInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number with no digits after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isSmallInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number with no digits in its exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isSmallInteger {
            return bytes[start] == UInt8(ascii: "-") ? -Double(integer) : Double(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("a number out of range")
        }
        return value
    }
}

import Testing
@testable import PlannerFactory

/// A worker's standard error: bounded, and escaped where it reaches error messages.
struct StderrLogTests {
    @Test func keepsTheLastBytesOnly() {
        var log = StderrLog()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 40 << 10)
        for _ in 0..<3 { chunk.withUnsafeBytes { log.append($0) } }
        #expect(log.text.utf8.count == StderrLog.capacity)
        #expect(log.dropped == 120 << 10 - StderrLog.capacity)
    }

    @Test func theTailEscapesControlsAndBidirectionalOverrides() {
        var log = StderrLog()
        Array("first\nbad \u{1b}[31mred\u{7f} \u{202e}x\u{9b}\tend\n".utf8).withUnsafeBytes { log.append($0) }
        #expect(log.tail(lines: 1) == "bad \\x1b[31mred\\x7f \\u202ex\\u009b\tend")
        #expect(log.tail(lines: 2).hasPrefix("first\n"))
    }
}

import PlannerKit

/// libFuzzer target `worker-lines` (scripts/fuzz): a worker's standard output as the factory reads
/// it (`WorkerLineReader` splits it into lines, `WorkerMessage` reads each by protocol v1).
/// The first byte of the input chooses how the rest is cut into chunks (as reads from a pipe
/// return it); the lines must not depend on the cutting: they are the lines of the whole output
/// up to the last newline, until the unfinished line outgrows the limit (a small one here, so the
/// fuzzer reaches it). Every line is then read as a message; a line that is JSON must also
/// serialize and parse back to the same value (the factory serializes such values into requests).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzWorkerLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    guard let seed = input.first else { return 0 }
    let output = UnsafeRawBufferPointer(rebasing: input.dropFirst())
    let limit = 512
    var reader = WorkerLineReader(maximumLineLength: limit)
    var lines: [[UInt8]] = []
    var consumed = 0
    var overflowed = false
    var state = UInt32(seed) | 0x100
    while consumed < output.count, !overflowed {
        state = state &* 1_103_515_245 &+ 12_345
        let length = min(output.count - consumed, Int(state >> 16) % 97 + 1)
        let chunk = UnsafeRawBufferPointer(rebasing: output[consumed..<(consumed + length)])
        consumed += length
        overflowed = !reader.append(chunk) { lines.append(Array($0)) }
    }
    // The reference: the complete lines of what was read.
    let read = output[..<consumed]
    var expected = read.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    let unfinished = expected.removeLast()
    guard lines == expected else {
        fatalError("the reader gives \(lines.count) lines where the output has \(expected.count): \(lines) vs \(expected)")
    }
    if overflowed {
        guard unfinished.count > limit, reader.pendingCount == 0 else {
            fatalError("an overflow was reported with \(unfinished.count) bytes unfinished (limit \(limit))")
        }
    } else {
        guard unfinished.count <= limit, reader.pendingCount == unfinished.count else {
            fatalError("\(unfinished.count) bytes are unfinished but the reader keeps \(reader.pendingCount) (limit \(limit))")
        }
    }
    for (offset, line) in lines.enumerated() {
        check(line: line, number: offset + 1)
    }
    return 0
}

/// Reads one line as the factory does; a JSON line must also serialize and parse back to itself.
private func check(line: [UInt8], number: Int) {
    let json = try? JSONValue(parsing: line)
    if let json {
        for pretty in [false, true] {
            let text = json.serialized(pretty: pretty)
            guard let again = try? JSONValue(parsing: text), again == json else {
                fatalError("\(json) does not survive serializing (pretty: \(pretty)) to \(text)")
            }
        }
    }
    let message: WorkerMessage
    do {
        message = try WorkerMessage(line: line[...], number: number)
    } catch {
        guard !error.description.isEmpty else { fatalError("a violation without a description") }
        return
    }
    guard json != nil else { fatalError("line \(number) is not JSON but was read as \(message)") }
    switch message {
    case .handshake(let descriptor):
        guard number == 1, descriptor.objectValue != nil else { fatalError("line \(number) read as a handshake: \(message)") }
    case .result, .error:
        guard number > 1 else { fatalError("line 1 read as a reply: \(message)") }
    }
}

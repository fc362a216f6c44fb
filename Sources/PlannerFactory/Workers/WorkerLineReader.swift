/// Splits a worker's standard output into lines as it arrives in chunks of any size (protocol v1
/// is one JSON value a line, ended by `\n`). Pure: no descriptors, so it can be tested and fuzzed
/// on its own (`Fuzz/WorkerLines`).
struct WorkerLineReader {
    /// The longest unfinished line it keeps; more is a protocol error.
    let maximumLineLength: Int
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no newline, so a long line is searched once, not
    /// again with every chunk.
    private var scanned = 0

    /// A reader that keeps at most `maximumLineLength` bytes of an unfinished line.
    init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    /// The bytes of the unfinished line so far.
    var pendingCount: Int { buffer.count }

    /// Appends `bytes` and hands every line they complete to `line`, without its `\n`.
    /// - Returns: `false` when the unfinished line left over is longer than `maximumLineLength`;
    ///   it is dropped (the caller ends the worker: its output has no trustworthy line boundary).
    mutating func append(_ bytes: UnsafeRawBufferPointer, line: (ArraySlice<UInt8>) -> Void) -> Bool {
        buffer.append(contentsOf: bytes)
        var start = 0
        var from = scanned
        while let newline = buffer[from...].firstIndex(of: UInt8(ascii: "\n")) {
            line(buffer[start..<newline])
            start = newline + 1
            from = start
        }
        buffer.removeFirst(start)
        scanned = buffer.count
        guard buffer.count <= maximumLineLength else {
            buffer.removeAll()
            scanned = 0
            return false
        }
        return true
    }
}

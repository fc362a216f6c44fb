/// The last bytes a worker wrote to its standard error (64 KiB by default): kept for errors and
/// `factory show`, never printed to the terminal.
struct StderrLog: Sendable {
    /// The most bytes kept.
    static let capacity = 64 << 10

    private var bytes: [UInt8] = []
    /// How many bytes were dropped from the front.
    private(set) var dropped = 0

    /// Appends what was read, dropping the oldest bytes beyond the capacity.
    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
        if bytes.count > Self.capacity {
            let excess = bytes.count - Self.capacity
            bytes.removeFirst(excess)
            dropped += excess
        }
    }

    /// The whole log as text (invalid UTF-8 repaired).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The last `lines` non-empty lines, at most `characters` long in all, with control characters
    /// shown escaped (`\x1b`): this text goes into error messages that reach terminals.
    func tail(lines: Int = 5, characters: Int = 1000) -> String {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).map(TerminalText.escaped).joined(separator: "\n")
        return kept.count > characters ? "…" + String(kept.suffix(characters)) : kept
    }
}

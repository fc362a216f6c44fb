/// One subscriber, as the publisher's thread keeps it: its connection, where it is in the event
/// stream, and the bytes not yet sent. Touched by that thread only.
final class LiveSubscriber {
    let descriptor: Int32
    let uid: UInt32
    let pid: Int32
    /// The sequence number of the next event to read from the stream.
    var position: UInt64
    /// Whether it closed its side of the connection (it still receives).
    var isReadClosed = false
    /// Events it lost because it fell too far behind, told to it so far.
    var dropped: UInt64 = 0
    /// When its snapshot is to be made (`nil` once sent): a little after its hello, so a lister
    /// that reads only the hello and hangs up (`factory ps`, the TUI's picker) costs no snapshot.
    var snapshotDue: ContinuousClock.Instant?
    /// Encoded lines waiting for the socket, from `sent` on.
    private var output: [UInt8] = []
    private var sent = 0

    init(descriptor: Int32, uid: UInt32, pid: Int32, position: UInt64) {
        self.descriptor = descriptor
        self.uid = uid
        self.pid = pid
        self.position = position
    }

    /// Whether bytes are waiting for the socket.
    var hasOutput: Bool { sent < output.count }

    /// Queues one line (a newline is added).
    func enqueue(_ line: String) {
        if sent == output.count {
            output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
            sent = 0
        }
        output.append(contentsOf: line.utf8)
        output.append(UInt8(ascii: "\n"))
    }

    /// Ends its stream with `line`: what is queued after the line being sent is dropped (a
    /// subscriber far behind gets the end of the current line, then `line`, not its backlog).
    func finish(with line: String) {
        if let end = output[sent...].firstIndex(of: UInt8(ascii: "\n")) {
            output.removeSubrange((end + 1)...)
        }
        enqueue(line)
    }

    /// Sends what the socket takes now.
    /// - Returns: `false` when the subscriber is gone (the connection failed).
    func flush() -> Bool {
        while sent < output.count {
            let result = output.withUnsafeBytes { bytes in
                LiveSocket.send(descriptor, UnsafeRawBufferPointer(rebasing: bytes[sent...]))
            }
            switch result {
            case .success(0): return true
            case .success(let count): sent += count
            case .failure: return false
            }
        }
        return true
    }
}

/// One publisher of a state folder: where a subscriber connects.
public struct LiveEndpoint: Sendable, Hashable {
    /// The publisher's name in `<state>/live/`: its pid, with `-2`, `-3` … for a second factory
    /// publishing from the same process.
    public var id: String
    /// The publishing process.
    public var pid: Int32
    /// The socket: `<state>/live/<id>.sock`, or one in a short per-user folder when that path
    /// would not fit in `sun_path` (`<state>/live/<id>.link` then names it).
    public var socketPath: String

    /// Creates an endpoint.
    public init(id: String, pid: Int32, socketPath: String) {
        self.id = id
        self.pid = pid
        self.socketPath = socketPath
    }

    /// The pid part of a publisher's name (`1234` of `1234-2`), or `nil` when `id` is no such name.
    static func pid(ofID id: Substring) -> Int32? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 10 && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let pid = Int32(parts[0]), pid > 0 else { return nil }
        return pid
    }
}

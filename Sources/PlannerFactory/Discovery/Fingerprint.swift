/// A bundle's fingerprint: a 64-bit digest of the size, modification time (ns) and inode of the
/// files it covers. Fast mode covers the manifest and the entry library (for a process plugin:
/// the bundle files its command names, with their permission bits); deep mode every file of the
/// bundle. Equal fingerprints mean "nothing changed".
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The digest.
    public let value: UInt64

    /// 16 hexadecimal digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Accumulates a fingerprint with FNV-1a over 64-bit words.
    struct Builder {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ word: UInt64) {
            var word = word
            for _ in 0..<8 {
                state = (state ^ (word & 0xff)) &* 0x100_0000_01b3
                word >>= 8
            }
        }

        mutating func add(_ status: FileSystem.Status) {
            add(1)
            add(status.size)
            add(status.modificationNanoseconds)
            add(status.inode)
            add(status.device)
        }

        mutating func add(_ result: Result<FileSystem.Status, Errno>) {
            switch result {
            case .success(let status): add(status)
            case .failure(let error): add(2); add(UInt64(UInt32(bitPattern: error.code)))
            }
        }

        mutating func add(_ text: String) {
            add(bytes: text.utf8)
        }

        mutating func add(bytes: some Sequence<UInt8>) {
            for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
            add(0xff)
        }

        mutating func add(_ path: FileSystem.PathState) {
            add(path.own)
            if let target = path.target { add(target) }
        }

        /// The permission bits of a path and of its link target (`chmod` changes no size or time).
        mutating func addPermissions(_ path: FileSystem.PathState) {
            if case .success(let status) = path.own { add(UInt64(status.permissions)) }
            if case .success(let status)? = path.target { add(UInt64(status.permissions)) }
        }

        var fingerprint: Fingerprint { Fingerprint(value: state) }
    }

    /// The fast fingerprint: the manifest's and the entry library's own status and, for links,
    /// their targets' (or why each is missing).
    static func fast(manifest: FileSystem.PathState, entry: FileSystem.PathState?) -> Fingerprint {
        var builder = Builder()
        builder.add(manifest)
        if let entry { builder.add(entry) }
        return builder.fingerprint
    }

    /// The fast fingerprint of a process bundle: the manifest's state, then for each bundle file
    /// its command names (the program first, when it is in the bundle) the relative name, its
    /// state and its permission bits (making a program executable, or not, is a change).
    static func fast(manifest: FileSystem.PathState, commandFiles: [(name: String, state: FileSystem.PathState)]) -> Fingerprint {
        var builder = Builder()
        builder.add(manifest)
        builder.add(3)  // apart from every dylib fingerprint
        for file in commandFiles {
            builder.add(file.name)
            builder.add(file.state)
            builder.addPermissions(file.state)
        }
        return builder.fingerprint
    }

    /// The deep fingerprint: the fast one, and every file and folder under `folder` (names as
    /// bytes, not following links).
    static func deep(folder: String, fast: Fingerprint) -> Fingerprint {
        var builder = Builder()
        builder.add(fast.value)
        FileSystem.walk(folder) { relative, status in
            builder.add(bytes: relative)
            builder.add(status)
        }
        return builder.fingerprint
    }
}

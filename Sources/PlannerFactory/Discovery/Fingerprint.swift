/// A bundle's fingerprint: a 64-bit digest of the size, modification time (ns) and inode of the
/// files it covers. Fast mode covers the manifest and the entry library; deep mode every file of
/// the bundle. Equal fingerprints mean "nothing changed".
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
            for byte in text.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
            add(0xff)
        }

        var fingerprint: Fingerprint { Fingerprint(value: state) }
    }

    /// The fast fingerprint: the manifest's and the entry file's status (or why each is missing).
    static func fast(manifest: Result<FileSystem.Status, Errno>, entry: Result<FileSystem.Status, Errno>?) -> Fingerprint {
        var builder = Builder()
        builder.add(manifest)
        if let entry { builder.add(entry) }
        return builder.fingerprint
    }

    /// The deep fingerprint: every file and folder under `folder` (not following links), in name order.
    static func deep(folder: String) -> Fingerprint {
        var builder = Builder()
        addTree(folder, relative: "", to: &builder, depth: 0)
        return builder.fingerprint
    }

    private static func addTree(_ folder: String, relative: String, to builder: inout Builder, depth: Int) {
        guard depth < 32 else { return }
        switch FileSystem.listFolder(folder) {
        case .failure(let error):
            builder.add(relative)
            builder.add(.failure(error))
        case .success(let entries):
            for entry in entries.sorted(by: { $0.displayName.precedesInByteOrder($1.displayName) }) {
                guard let name = entry.name else { builder.add(entry.displayName); continue }
                let path = folder + "/" + name
                let status = FileSystem.linkStatus(path)
                builder.add(relative + "/" + name)
                builder.add(status)
                if case .success(let info) = status, info.isDirectory {
                    addTree(path, relative: relative + "/" + name, to: &builder, depth: depth + 1)
                }
            }
        }
    }
}

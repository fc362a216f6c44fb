/// The shared libraries an ELF64 executable names (`DT_NEEDED`), read from its file: the report
/// says what the probe helper loads at every start.
enum NeededLibraries {
    /// Such as `libswiftCore.so, libc.so.6`, or `an unreadable ELF file` when the file is not one.
    static func of(_ path: String) -> String {
        guard let bytes = try? SystemError.readFile(path), let names = needed(in: bytes) else { return "an unreadable ELF file" }
        return names.isEmpty ? "no shared library" : names.joined(separator: ", ")
    }

    /// The `DT_NEEDED` names of a little-endian ELF64 file, from its `SHT_DYNAMIC` section and
    /// the string table it links to; `nil` when the file is not one.
    static func needed(in bytes: [UInt8]) -> [String]? {
        func integer(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            var value: UInt64 = 0
            for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            return value > UInt64(Int.max) ? nil : Int(value)
        }
        guard bytes.count > 64, bytes[0..<4].elementsEqual([0x7f, 0x45, 0x4c, 0x46]), bytes[4] == 2, bytes[5] == 1,
              let sections = integer(0x28, 8), let entrySize = integer(0x3a, 2), let count = integer(0x3c, 2), entrySize >= 64
        else { return nil }
        for index in 0..<count {
            let header = sections + index * entrySize
            guard integer(header + 4, 4) == 6,  // SHT_DYNAMIC
                  let offset = integer(header + 0x18, 8), let size = integer(header + 0x20, 8),
                  let link = integer(header + 0x28, 4),
                  let strings = integer(sections + link * entrySize + 0x18, 8)
            else { continue }
            var names: [String] = []
            for entry in stride(from: offset, to: offset + size, by: 16) {
                guard let tag = integer(entry, 8), tag != 0, let value = integer(entry + 8, 8) else { break }
                guard tag == 1, strings + value < bytes.count else { continue }  // DT_NEEDED
                let name = bytes[(strings + value)...].prefix { $0 != 0 }
                names.append(String(decoding: name, as: UTF8.self))
            }
            return names
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// This process's command line and start time, as `factory ps` shows them (from `/proc`).
enum ProcessFacts {
    /// The command line's arguments (`/proc/self/cmdline`); empty when it cannot be read.
    static func commandLine() -> [String] {
        guard let bytes = LiveSocket.readFile("/proc/self/cmdline") else { return [] }
        return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast(bytes.last == 0 ? 1 : 0)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// When this process started, in seconds since the Unix epoch: its start in clock ticks after
    /// boot (`/proc/self/stat`, field 22) plus the boot time (`btime` of `/proc/stat`).
    static func startTime() -> Double? {
        guard let stat = LiveSocket.readFile("/proc/self/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // Fields after the command's closing parenthesis start at field 3.
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19, let ticks = Double(String(decoding: fields[19], as: UTF8.self)) else { return nil }
        guard let system = LiveSocket.readFile("/proc/stat", limit: 1 << 20) else { return nil }
        let line = String(decoding: system, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("btime ") }
        guard let boot = line.flatMap({ Double($0.dropFirst(6)) }) else { return nil }
        let perSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return perSecond > 0 ? boot + ticks / perSecond : nil
    }
}

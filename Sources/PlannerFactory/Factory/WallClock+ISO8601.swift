#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension WallClock {
    /// `2026-11-29T11:15:00.123Z`.
    public static func iso8601(_ timestamp: Double) -> String {
        var seconds = time_t(timestamp.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int((timestamp - timestamp.rounded(.down)) * 1000)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}

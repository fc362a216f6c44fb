#if canImport(Glibc)
import Glibc
#endif

/// The machine's 1-minute load average, to say how busy it was while measuring.
enum LoadAverage {
    /// Such as `0.42`, or `nil` when it cannot be read.
    static func read() -> String? {
        var loads = [Double](repeating: 0, count: 1)
        guard getloadavg(&loads, 1) == 1 else { return nil }
        return Formatting.fixed(loads[0], decimals: 2)
    }
}

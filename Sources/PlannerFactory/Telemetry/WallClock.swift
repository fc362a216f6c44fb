#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall clock that stamps telemetry records: seconds since the Unix epoch.
///
/// Durations are measured with a monotonic clock by whoever makes a record; the timestamp only
/// says when it happened, for people and exported data.
public enum WallClock {
    /// The current time as seconds since 1970-01-01T00:00:00Z (`CLOCK_REALTIME`).
    public static func now() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_REALTIME, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}

/// Numbers as the report prints them.
enum Formatting {
    /// `value` with exactly `decimals` digits after the point.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Three significant digits or so, with the unit that fits: `68.2 ms`, `6.81 µs`, `47.1 ns`.
    static func time(_ seconds: Double) -> String {
        let (value, unit): (Double, String) =
            seconds >= 1 ? (seconds, "s")
            : seconds >= 1e-3 ? (seconds * 1e3, "ms")
            : seconds >= 1e-6 ? (seconds * 1e6, "µs")
            : (seconds * 1e9, "ns")
        return significant(value) + " " + unit
    }

    /// Bytes in MiB: `41.3 MiB`.
    static func bytes(_ bytes: Double) -> String {
        significant(bytes / 1_048_576) + " MiB"
    }

    /// `1.32×`.
    static func ratio(_ ratio: Double) -> String {
        fixed(ratio, decimals: ratio < 10 ? 2 : 1) + "×"
    }

    private static func significant(_ value: Double) -> String {
        fixed(value, decimals: value >= 100 ? 0 : value >= 10 ? 1 : 2)
    }
}

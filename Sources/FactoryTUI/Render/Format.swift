import PlannerFactory

/// Text forms of numbers, durations and times for the screen.
public enum Format {
    /// "0.8µs", "123µs", "1.25ms", "2.10s"; "–" when times are frozen.
    public static func duration(_ duration: Duration, frozen: Bool) -> String {
        if frozen { return "–" }
        let microseconds = duration.microseconds
        if microseconds < 10 { return fixed(microseconds, 1) + "µs" }
        if microseconds < 1000 { return fixed(microseconds, 0) + "µs" }
        if microseconds < 1_000_000 { return fixed(microseconds / 1000, microseconds < 100_000 ? 2 : 1) + "ms" }
        return fixed(microseconds / 1_000_000, 2) + "s"
    }

    /// A duration of `seconds`, as `duration` shows it ("?" when it is no duration: negative, or more than a year).
    public static func duration(seconds: Double, frozen: Bool) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 31_536_000 else { return frozen ? "–" : "?" }
        return duration(.nanoseconds(Int64(seconds * 1e9)), frozen: frozen)
    }

    /// Whole seconds of a running call, "12 s" ("–" when times are frozen).
    public static func elapsed(_ duration: Duration, frozen: Bool) -> String {
        frozen ? "–" : "\(Int(duration.seconds)) s"
    }

    /// Seconds since the Unix epoch as "HH:MM:SS" (UTC); "--:--:--" when times are frozen, and
    /// "??:??:??" for a time before the epoch or after the year 5000 (sent by a buggy publisher).
    public static func clock(_ seconds: Double, frozen: Bool) -> String {
        if frozen { return "--:--:--" }
        guard seconds.isFinite, seconds >= 0, seconds < 1e11 else { return "??:??:??" }
        let day = Int(seconds.rounded(.down)) % 86_400
        return [day / 3600, day / 60 % 60, day % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }

    /// A number with `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if digits == 0 {
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.contains("e") { return text }
        return String(parts[0]) + "." + fraction.padding(toLength: digits, withPad: "0")
    }

    /// Words wrapped to `width` columns (long words are cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if CharacterWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = CharacterWidth.of(word) <= width ? word : word.truncated(to: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate func padding(toLength length: Int, withPad pad: Character) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: pad, count: length - count)
    }
}

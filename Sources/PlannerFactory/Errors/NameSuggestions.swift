/// "Did you mean …?" suggestions: the registered names closest to a mistyped one.
enum NameSuggestions {
    /// Up to `limit` names within an edit distance of a third of the input's length (at least 2),
    /// or that contain the input, closest first, ties in byte order.
    static func closest(to input: String, among names: [String], limit: Int = 3) -> [String] {
        let needle = Array(input.lowercased().utf8)
        let threshold = max(2, needle.count / 3)
        var scored: [(distance: Int, name: String)] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            let candidate = Array(name.lowercased().utf8)
            let distance = editDistance(needle, candidate)
            if distance <= threshold || (needle.count >= 3 && name.lowercased().contains(input.lowercased())) {
                scored.append((distance, name))
            }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name.precedesInByteOrder($1.name) }
        return scored.prefix(limit).map(\.name)
    }

    /// Levenshtein distance over bytes, two rows of memory.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

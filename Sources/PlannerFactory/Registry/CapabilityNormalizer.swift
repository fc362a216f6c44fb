/// Capabilities, keywords and boost keys are compared case-insensitively after trimming.
enum CapabilityNormalizer {
    /// Trimmed and lower-cased.
    static func normalize(_ term: String) -> String {
        if isNormal(term) { return term }  // the common case: already trimmed and lower-case
        return term.trimmingWhitespace().lowercased()
    }

    /// Whether `term` is printable ASCII without upper case: its own normal form.
    private static func isNormal(_ term: String) -> Bool {
        term.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Normalized, empty ones dropped, duplicates removed (first occurrence kept).
    static func normalize(_ terms: [String]) -> [String] {
        if terms.count <= 32, terms.allSatisfy(isNormal),
           terms.indices.allSatisfy({ index in !terms[..<index].contains(terms[index]) }) {
            return terms  // already normal and distinct: no new array
        }
        var result: [String] = []
        result.reserveCapacity(terms.count)
        if terms.count <= 32 {
            // The usual short list: a linear search beats hashing every term.
            for term in terms.lazy.map(normalize) where !term.isEmpty && !result.contains(term) {
                result.append(term)
            }
            return result
        }
        var seen = Set<String>()
        for term in terms.lazy.map(normalize) where !term.isEmpty && seen.insert(term).inserted {
            result.append(term)
        }
        return result
    }

    /// Keys normalized; when two keys normalize alike, the larger boost is kept.
    static func normalize(_ boosts: [String: Double]) -> [String: Double] {
        if boosts.keys.allSatisfy(isNormal) { return boosts }
        var result: [String: Double] = [:]
        for (key, value) in boosts {
            let normalized = normalize(key)
            guard !normalized.isEmpty else { continue }
            result[normalized] = max(result[normalized] ?? -.infinity, value)
        }
        return result
    }
}

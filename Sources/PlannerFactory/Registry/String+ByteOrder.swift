#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` in UTF-8 byte order (the order of names
    /// everywhere in PlannerFactory: never locale, never Unicode collation). A `memcmp` on the
    /// contiguous UTF-8 of native strings; the generic comparison only for bridged ones.
    func precedesInByteOrder(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs -> Bool in
                let common = Swift.min(lhs.count, rhs.count)
                if common > 0, let a = lhs.baseAddress, let b = rhs.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return lhs.count < rhs.count
            }
        }
        if let result = fast ?? nil { return result }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}

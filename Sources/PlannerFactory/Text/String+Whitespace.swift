extension String {
    /// The string without leading and trailing white space (Unicode's `White_Space`: spaces, tabs,
    /// newlines …).
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self  // ASCII at both ends that is not white space: nothing to trim
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

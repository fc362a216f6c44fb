extension TerminalText {
    /// How many characters of an outside value a message quotes at most.
    static let excerptLimit = 80
    /// How many characters of a plugin's own message (a failed create or plan) an error repeats.
    static let pluginMessageLimit = 2000

    /// `items` joined with ", ", or, past 12 of them, the first 10 and "and N more" (a request
    /// of thousands of capabilities is named by its first few).
    static func firstFew(_ items: [String]) -> String {
        items.count > 12 ? items.prefix(10).joined(separator: ", ") + " and \(items.count - 10) more" : items.joined(separator: ", ")
    }

    /// `text` as a message may quote it: escaped as `escaped(_:)` does (so no NUL, ESC or
    /// bidirectional override reaches a log or a terminal raw), and cut after `limit` characters
    /// with "…" (so a 900 KB value is not repeated whole).
    ///
    /// ```swift
    /// TerminalText.excerpt("a\u{1B}[2Jb")            // "a\\x1b[2Jb"
    /// TerminalText.excerpt(String(repeating: "x", count: 1000), limit: 3)  // "xxx…"
    /// ```
    static func excerpt(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        let head = text.prefix(limit)
        return escaped(head) + (head.endIndex < text.endIndex ? "…" : "")
    }

    /// `text` in double quotes, as `excerpt(_:limit:)` gives it.
    static func quoted(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        "\"" + excerpt(text, limit: limit) + "\""
    }
}

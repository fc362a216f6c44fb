/// A piece of objective text: a word (a run of letters, digits, `_` and `-`, lower-cased) or a
/// separator (`,` or `;`). Everything else (spaces, brackets, full stops) only ends a word.
enum Token: Hashable {
    case word(String)
    case separator

    /// Splits a text into tokens.
    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(.word(current)) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                current.append(character)
            } else {
                flush()
                if character == "," || character == ";" { tokens.append(.separator) }
            }
        }
        flush()
        return tokens
    }

    /// The word, when this is a word.
    var word: String? {
        if case .word(let word) = self { return word }
        return nil
    }
}

/// A key press, as the backend decodes it.
public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl and a letter, e.g. `.control("c")`.
    case control(Character)
}

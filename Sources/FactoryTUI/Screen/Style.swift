/// The colours the TUI uses; the backend maps them to terminal colours (or to attributes alone
/// under `NO_COLOR`).
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case normal, red, green, yellow, blue, magenta, cyan, gray
}

/// How a cell looks.
public struct Style: Sendable, Hashable {
    public var foreground: Color = .normal
    public var isBold = false
    public var isReverse = false
    public var isDim = false
    public var isUnderline = false

    public init(_ foreground: Color = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.isBold = bold
        self.isReverse = reverse
        self.isDim = dim
        self.isUnderline = underline
    }

    public static let plain = Style()
    public static let heading = Style(.cyan, bold: true)
    public static let selected = Style(reverse: true)
    public static let faint = Style(.gray, dim: true)
    public static let error = Style(.red, bold: true)
    public static let good = Style(.green)
    public static let warning = Style(.yellow)
}

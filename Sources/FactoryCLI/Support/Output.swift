import PlannerFactory
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error.
enum Output {
    /// Prints `value` exactly, but for a path's bytes that are not UTF-8: U+FFFD in the text and
    /// the bytes beside in base64 (`JSONValue.showingRawBytes`: `path` gets `pathBytes`).
    static func json(_ value: JSONValue) {
        Swift.print(value.showingRawBytes.serialized(pretty: true))
    }

    /// Writes `text` to standard error, its controls escaped (it may hold a plugin's words).
    static func error(_ text: String) {
        var line = TerminalText.escapedLines(text)
        if !line.hasSuffix("\n") { line += "\n" }
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// A plain text table: columns padded to their widest cell.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Lines printed under a row (a reason, an explanation), by row index.
    var notes: [Int: [String]] = [:]
    /// Columns whose cells may be cut, with "…", so that rows fit the width given to
    /// `render(width:)`, in the order they are narrowed, each to `minimum` at most (or its
    /// header's width, when wider): a long capability list or path must not push the rest of
    /// its row onto the next line.
    var shrinkable: [(column: Int, keep: Keep, minimum: Int)] = []
    /// The label of the last column, which `render(width:)` may show under each row instead.
    var lastColumnNote: String?

    /// What a cut cell keeps: its start (a list), or its end (a path, whose last folders say most).
    enum Keep { case start, end }

    init(_ header: [String]) {
        self.header = header
    }

    /// Adds a row; its cells and notes may come from plugins or manifests, so each is escaped
    /// as one line (a line break in a name or reason cannot forge a row) before widths are taken.
    mutating func add(_ row: [String], notes: [String] = []) {
        if !notes.isEmpty { self.notes[rows.count] = notes.map(TerminalText.escaped) }
        rows.append(row.map(TerminalText.escaped))
    }

    /// The table as lines; with a `width` (a terminal's columns), the `shrinkable` columns are
    /// narrowed in turn, each as far as its minimum, until the widest row fits, and their longer
    /// cells cut with "…"; when that cannot make the rows fit, the last column goes under each
    /// row as a note (`lastColumnNote`), or, without one, the rows wrap. Without a width (output
    /// to a pipe or a file) nothing is cut or moved.
    func render(width: Int? = nil) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        var keeps: [Int: Keep] = [:]
        var moved: String?
        if let width, !widths.isEmpty {
            // Every column but the last is followed by two spaces.
            func excess(_ widths: ArraySlice<Int>) -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) - width }
            func slack(_ column: Int, _ minimum: Int) -> Int { max(0, widths[column] - max(minimum, header[column].count)) }
            var shown = widths[...]
            let room = shrinkable.filter { $0.column < widths.count }.reduce(0) { $0 + slack($1.column, $1.minimum) }
            if excess(shown) > room, let label = lastColumnNote {
                moved = label
                shown = widths.dropLast()
            }
            var left = excess(shown)
            for (column, keep, minimum) in shrinkable where column < shown.count && left > 0 {
                let cut = min(left, slack(column, minimum))
                widths[column] -= cut
                left -= cut
                keeps[column] = keep
            }
        }
        func shown(_ cell: String, _ column: Int) -> String {
            guard cell.count > widths[column], let keep = keeps[column] else { return cell }
            guard widths[column] >= 2 else { return String(cell.prefix(widths[column])) }
            return switch keep {
            case .start: cell.prefix(widths[column] - 1) + "…"
            case .end: "…" + cell.suffix(widths[column] - 1)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let cell = column < widths.count ? shown(cell, column) : cell
                let isLast = column == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.count) + 2)
            }
            return text
        }
        let kept = moved == nil ? header.count : header.count - 1
        var lines = [line(Array(header.prefix(kept)))]
        for (index, row) in rows.enumerated() {
            lines.append(line(Array(row.prefix(kept))))
            if let moved, row.count == header.count, let cell = row.last, cell != "-" { lines.append("    \(moved): " + cell) }
            for note in notes[index] ?? [] { lines.append("    " + note) }
        }
        return lines.joined(separator: "\n")
    }
}

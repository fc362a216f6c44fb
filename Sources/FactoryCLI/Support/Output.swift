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

    init(_ header: [String]) {
        self.header = header
    }

    /// Adds a row; its cells and notes may come from plugins or manifests, so each is escaped
    /// as one line (a line break in a name or reason cannot forge a row) before widths are taken.
    mutating func add(_ row: [String], notes: [String] = []) {
        if !notes.isEmpty { self.notes[rows.count] = notes.map(TerminalText.escaped) }
        rows.append(row.map(TerminalText.escaped))
    }

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let isLast = column == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return text
        }
        var lines = [line(header)]
        for (index, row) in rows.enumerated() {
            lines.append(line(row))
            for note in notes[index] ?? [] { lines.append("    " + note) }
        }
        return lines.joined(separator: "\n")
    }
}

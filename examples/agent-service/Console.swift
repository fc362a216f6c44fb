import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// The service's own lines, all on standard error (standard output stays free for the
/// application's data). Paths and messages may hold any text: controls are escaped.
enum Console {
    /// Writes `agent-service: <text>` and a line break.
    static func say(_ text: String) {
        line("agent-service: " + text)
    }

    /// Writes `text` and a line break, its controls escaped, in as few writes as the pipe takes.
    static func line(_ text: String) {
        var line = TerminalText.escapedLines(text) + "\n"
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal that standard output writes to.
enum TerminalWidth {
    /// Its columns, or `nil` when standard output is not a terminal (a pipe, a file: nothing is
    /// cut for a script) or the terminal does not say.
    static func standardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

import CNcurses
import FactoryTUI
import Glibc

/// Why the terminal could not be opened.
enum NcursesTerminalError: Error, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// ncurses knows no terminal by the name in `TERM` (or `TERM` is unset).
    case unknownTerminal(String?)

    var description: String {
        switch self {
        case .notATerminal:
            return "factory-tui needs a terminal: standard input and output must both be one."
        case .unknownTerminal(let name?):
            return "factory-tui cannot drive the terminal TERM=\(name): ncurses has no description of it."
        case .unknownTerminal(nil):
            return "factory-tui cannot open the terminal: TERM is not set."
        }
    }
}

/// The ncurses backend: copies `CellGrid`s to the screen (only the cells that changed) and turns
/// keys into `TerminalInput`. The only code in the program that calls ncurses; every call is made
/// on the UI thread.
///
/// It runs in raw mode, so Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys (`.control("c")` …) instead
/// of signals; SIGTERM, SIGHUP, SIGQUIT and `exit()` restore the terminal before the process ends.
/// Colours follow `Style`: one colour pair per foreground on the default background, allocated on
/// first use; with `NO_COLOR` set (non-empty) or a terminal without colours only the attributes
/// are drawn, and red text is made bold so that errors still stand out.
///
/// ```swift
/// let terminal = try NcursesTerminal()
/// defer { terminal.restore() }
/// terminal.draw(grid, cursor: nil)
/// let input = terminal.waitForInput(timeout: .milliseconds(250), wakeDescriptor: inbox.descriptor)
/// ```
final class NcursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool
    /// The background of every colour pair: the terminal's own (-1) where it allows that.
    private let background: Int16
    /// Colour pairs made so far, by foreground.
    private var pairs: [Color: Int16] = [:]
    /// What the screen shows: the last grid drawn, or nil when it must be drawn whole.
    private var shown: CellGrid?
    private var isCursorVisible: Bool?
    private var isRestored = false

    /// Opens the terminal: a UTF-8 locale, the alternate screen, raw keys, colours unless
    /// `NO_COLOR` is set.
    /// - Parameter environment: where `NO_COLOR` is read (the process environment by default).
    /// - Throws: `NcursesTerminalError` when standard input or output is not a terminal, or
    ///   ncurses does not know `TERM`.
    init(environment: [String: String]? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw NcursesTerminalError.notATerminal }
        Self.useUTF8Locale()
        cncurses_restore_on_exit()
        guard cncurses_open() != nil, let window = cncurses_stdscr() else {
            throw NcursesTerminalError.unknownTerminal(getenv("TERM").map { String(cString: $0) })
        }
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)

        let noColor = environment.map { $0["NO_COLOR"] } ?? getenv("NO_COLOR").map { String(cString: $0) }
        usesColor = (noColor ?? "").isEmpty && has_colors() && start_color() == OK
        background = !usesColor || use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
    }

    deinit {
        restore()
    }

    var size: (width: Int, height: Int) {
        (Int(cncurses_width()), Int(cncurses_height()))
    }

    func draw(_ grid: CellGrid, cursor: (x: Int, y: Int)?) {
        guard !isRestored else { return }
        let (width, height) = size
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil { werase(window) }
        for y in 0..<min(grid.height, height) {
            for x in 0..<min(grid.width, width) {
                let cell = grid[x, y]
                if cell.isContinuation || cell == previous?[x, y] { continue }
                let isWide = x + 1 < grid.width && grid[x + 1, y].isContinuation
                if isWide, x + 1 >= width { continue }  // half a character does not fit
                let columns = put(cell, x: x, y: y)
                if isWide, columns == 1 {
                    // The C library thinks it narrow (an emoji with a variation selector): blank
                    // the column the grid reserved, so the rest of the row stays in place.
                    _ = put(Cell(" ", cell.style), x: x + 1, y: y)
                }
            }
        }
        shown = grid
        showCursor(at: cursor, width: width, height: height)
        wnoutrefresh(window)
        doupdate()
    }

    func waitForInput(timeout: Duration?, wakeDescriptor: Int32) -> [TerminalInput] {
        guard !isRestored else { return [] }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let result = poll(&descriptors, nfds_t(descriptors.count), Self.milliseconds(until: deadline))
            let interrupted = result < 0 && errno == EINTR
            // Read even after a signal: SIGWINCH interrupts poll, and ncurses then has KEY_RESIZE.
            let input = readInput()
            if !input.isEmpty || descriptors[1].revents != 0 { return input }
            if result == 0 || (result < 0 && !interrupted) { return [] }
            if let deadline, ContinuousClock.now >= deadline { return [] }
            if result > 0, descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The terminal is gone: do not spin on it; wait for the wake descriptor alone.
                var wake = [pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
                _ = poll(&wake, 1, Self.milliseconds(until: deadline))
                return []
            }
            // An incomplete escape sequence or another signal: wait again for what remains.
        }
    }

    func restore() {
        guard !isRestored else { return }
        isRestored = true
        endwin()
    }

    // MARK: Output

    /// Writes one cell; returns the columns ncurses gave it.
    private func put(_ cell: Cell, x: Int, y: Int) -> Int {
        var attributes = attr_t(0)
        let style = cell.style
        if style.isBold { attributes |= cncurses_bold() }
        if style.isReverse { attributes |= cncurses_reverse() }
        if style.isDim { attributes |= cncurses_dim() }
        if style.isUnderline { attributes |= cncurses_underline() }
        var pair: Int16 = 0
        if usesColor {
            pair = colorPair(for: style.foreground)
            // Eight-colour terminals have no grey: white, dimmed.
            if style.foreground == .gray, cncurses_colors() < 16 { attributes |= cncurses_dim() }
        } else if style.foreground == .red {
            attributes |= cncurses_bold()
        }
        return Int(cncurses_put(Int32(y), Int32(x), cell.text, attributes, pair))
    }

    /// The colour pair of a foreground on the default background, made on first use (terminals
    /// under `screen` have only 64 pairs); 0, the default colours, for `.normal` or when out of pairs.
    private func colorPair(for color: Color) -> Int16 {
        if color == .normal { return 0 }
        if let pair = pairs[color] { return pair }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < cncurses_color_pairs(), init_pair(number, terminalColor(color), background) == OK else {
            pairs[color] = 0
            return 0
        }
        pairs[color] = number
        return number
    }

    private func terminalColor(_ color: Color) -> Int16 {
        switch color {
        case .normal: return -1
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .gray: return cncurses_colors() >= 16 ? 8 : Int16(COLOR_WHITE)  // 8: bright black
        }
    }

    private func showCursor(at cursor: (x: Int, y: Int)?, width: Int, height: Int) {
        let position = cursor.flatMap { (0..<width).contains($0.x) && (0..<height).contains($0.y) ? $0 : nil }
        if let position { wmove(window, Int32(position.y), Int32(position.x)) }
        let visible = position != nil
        if visible != isCursorVisible {
            curs_set(visible ? 1 : 0)
            isCursorVisible = visible
        }
    }

    // MARK: Input

    /// Everything ncurses has for us now, decoded; consecutive resizes become the last one.
    private func readInput() -> [TerminalInput] {
        var input: [TerminalInput] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                guard let decoded = decodeKeyCode(Int32(bitPattern: value)) else { continue }
                if case .resize = decoded, case .resize = input.last { input.removeLast() }
                input.append(decoded)
            } else if let scalar = Unicode.Scalar(UInt32(value)) {
                append(scalar, to: &input)
            }
        }
        return input
    }

    private func decodeKeyCode(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE:
            shown = nil  // ncurses has resized its screen: draw the next grid whole
            return .resize(width: size.width, height: size.height)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        default: return nil
        }
    }

    /// Decodes one character; a combining scalar (an accent, a variation selector, a joiner) joins
    /// the character before it, since the keyboard sends a grapheme a scalar at a time.
    private func append(_ scalar: Unicode.Scalar, to input: inout [TerminalInput]) {
        switch scalar.value {
        case 13, 10: input.append(.key(.enter))
        case 27: input.append(.key(.escape))
        case 9: input.append(.key(.tab))
        case 127, 8: input.append(.key(.backspace))
        case 1...26:
            input.append(.key(.control(Character(Unicode.Scalar(UInt8(96 + scalar.value))))))
        case 0..<32, 0x80..<0xA0:
            break  // other controls: Ctrl-@, Ctrl-\ … and C1 codes mean nothing here
        default:
            if case .key(.character(let previous)) = input.last {
                var joined = String(previous)
                joined.unicodeScalars.append(scalar)
                if joined.count == 1, let character = joined.first {
                    input[input.count - 1] = .key(.character(character))
                    return
                }
            }
            input.append(.key(.character(Character(scalar))))
        }
    }

    // MARK: Setup

    /// Sets the locale from the environment; when that fails or is not UTF-8 (LANG unset: "C"),
    /// uses C.UTF-8 for characters, without which box drawing vanishes and wide characters break.
    private static func useUTF8Locale() {
        let fromEnvironment = setlocale(LC_ALL, "") != nil
        if !fromEnvironment || !isUTF8(nl_langinfo(nl_item(CODESET))) {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private static func isUTF8(_ codeset: UnsafeMutablePointer<CChar>?) -> Bool {
        guard let codeset else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Milliseconds from now until `deadline`, rounded up (a timeout never becomes a busy 0);
    /// -1 (forever) without one.
    private static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = ContinuousClock.now.duration(to: deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}

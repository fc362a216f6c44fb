/// What the terminal reported.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    /// The terminal's new size.
    case resize(width: Int, height: Int)
}

/// The screen and keyboard. The ncurses backend is the one implementation in the program; tests
/// use a recording one. Every call is made from the UI thread.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Copies the grid to the screen (only what changed since the last draw) and puts the cursor
    /// at `cursor` (shown) or hides it.
    func draw(_ grid: CellGrid, cursor: (x: Int, y: Int)?)
    /// Waits — without spinning — until input arrives, `wakeDescriptor` becomes readable (the
    /// inbox has results), or `timeout` passes (`nil`: no timeout); returns the input read.
    func waitForInput(timeout: Duration?, wakeDescriptor: Int32) -> [TerminalInput]
    /// Restores the terminal (`endwin`); safe to call more than once.
    func restore()
}

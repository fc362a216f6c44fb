import PlannerFactory

/// Every text line a command prints goes through here (it shadows `Swift.print` in this
/// module): plan steps, names, reasons and health details may come from a plugin or a manifest,
/// so controls, C1 codes and bidirectional overrides are shown escaped (`\x1b`, `\u202e`); line
/// breaks stay, so a field that must stay on one line is escaped with `TerminalText.escaped`
/// first (as `TextTable` does with its cells). JSON output (`Output.json`) is printed exactly,
/// with `Swift.print`.
func print(_ text: String = "") {
    Swift.print(TerminalText.escapedLines(text))
}

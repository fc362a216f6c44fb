/// The process's command line, without Foundation and without losing a byte: Swift's
/// `CommandLine.arguments` replaces bytes that are not UTF-8 with U+FFFD, so `--state-dir state\xff`
/// would name another folder. These keep them as `PathBytes` escapes.
public enum ProcessArguments {
    /// Every argument, the program's name first.
    public static func current() -> [String] {
        (0..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map { PathBytes.string(cString: $0) } ?? ""
        }
    }
}

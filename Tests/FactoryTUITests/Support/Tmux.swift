import Foundation
import PlannerTestSupport

/// A program running in a detached tmux session, on a private tmux server: type into it, read its
/// screen, wait for text, and read its exit code.
///
/// The recipe for testing the real `factory-tui` binary:
///
/// ```swift
/// @Test func quitsOnQ() async throws {
///     let tmux = try Tmux(
///         command: [BuildProducts.path(of: "factory-tui")], width: 120, height: 36,
///         environment: ["FACTORY_STATE_DIR": stateFolder, "FACTORY_PLUGIN_PATH": CCompiler.examplesFolder])
///     try await tmux.waitFor(text: "Ranking")           // poll the screen, never sleep
///     try tmux.sendKeys("/")                            // key names: Enter Escape Tab BTab Up NPage C-c …
///     try tmux.sendKeys("route from 0,0", literal: true)  // text as typed (send-keys -l)
///     try tmux.sendKeys("Escape", "q")
///     #expect(try await tmux.exitCode() == 0)
///     #expect(try tmux.isAlternateScreenOn == false)     // the terminal was restored
/// }
/// ```
///
/// - Each instance starts its own server (`tmux -L <unique> -f /dev/null`), so tests run in
///   parallel and no user configuration applies; `deinit` kills the server and whatever still runs.
/// - The command runs through a wrapper that records its exit status in a file and then keeps the
///   pane open, so the screen it left behind can still be captured (and the alternate screen
///   checked) after it exits.
/// - `TERM` in the pane is tmux's default (`tmux-256color`). The command inherits the test
///   process's environment but `TMUX` and `NO_COLOR` (the test runner may set it); `environment`
///   adds variables such as `NO_COLOR` or `LANG`.
/// - `capture(ansi: true)` keeps colours and attributes as SGR escapes (`capture-pane -e -N`).
final class Tmux: Sendable {
    /// Why a tmux step failed; timeouts carry the screen as it was, for the test's failure message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The private server's socket name (`tmux -L`).
    let socket: String
    private let folder: String
    private let exitFile: String

    /// Whether tmux is installed (tests may be `.enabled(if: Tmux.isAvailable)`).
    static var isAvailable: Bool { executable != nil }

    private static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts `command` (a path and its arguments, run without a shell) in a new detached session of
    /// `width` × `height` cells.
    /// - Parameter environment: variables added to the command's environment (`new-session -e`).
    /// - Throws: `Tmux.Failure` when tmux is missing or the session cannot be started.
    init(command: [String], width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws {
        guard Self.executable != nil else { throw Failure(description: "tmux is not installed (apt-get install tmux)") }
        guard !command.isEmpty else { throw Failure(description: "Tmux needs a command to run") }
        var template = Array((NSTemporaryDirectory() + "factory-tmux.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(description: "cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        folder = String(cString: made)
        exitFile = folder + "/exit-status"
        socket = "factory-tui-test-\(getpid())-\(URL(fileURLWithPath: folder).lastPathComponent.suffix(6))"

        // Inline, not a script file: exec'ing a file just written races with other threads' forks
        // that still hold it open for writing (ETXTBSY).
        let wrapper = #"file=$1; shift; "$@"; echo $? >"$file.part" && mv "$file.part" "$file"; exec sleep 86400"#
        let variables = environment.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try run(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"] + variables
            + ["/bin/sh", "-c", wrapper, "sh", exitFile] + command)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Sends keys: tmux key names (`"Enter"`, `"Escape"`, `"C-c"`, `"BTab"`, `"NPage"`, `"q"`), or
    /// with `literal` the strings as typed text (`send-keys -l`).
    func sendKeys(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", "main"] + (literal ? ["-l", "--"] : []) + keys)
    }

    /// The visible screen, one line per row: plain text without trailing spaces, or with `ansi` the
    /// colours and attributes as escape sequences and trailing spaces kept (`capture-pane -e -N`).
    func capture(ansi: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (ansi ? ["-e", "-N"] : []))
    }

    /// Waits until the screen contains `text`, capturing it every 50 ms.
    /// - Returns: the screen that contained it.
    /// - Throws: `Tmux.Failure` with the last screen when `timeout` passes first.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitFor("the text \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition`, capturing it every 50 ms.
    /// - Parameter what: what is awaited, for the failure message.
    /// - Returns: the screen that satisfied it.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(10), until condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "timed out after \(timeout) waiting for \(what); the screen:\n\(screen)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for the command to exit and returns its exit status (128 + N after signal N).
    /// - Throws: `Tmux.Failure` with the screen when it is still running after `timeout`.
    func exitCode(timeout: Duration = .seconds(10)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let text = try? String(contentsOfFile: exitFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "the command was still running after \(timeout); the screen:\n\((try? capture()) ?? "")")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Whether the pane shows the alternate screen (a full-screen program is running, or one
    /// exited without restoring the terminal).
    var isAlternateScreenOn: Bool {
        get throws {
            try run(["display-message", "-p", "-t", "main", "#{alternate_on}"])
                .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
        }
    }

    /// Resizes the window, as a user resizing the terminal would (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Runs one tmux command on this server; returns its standard output.
    ///
    /// Spawned directly and awaited with waitpid, its output going to files (`DirectSpawn`):
    /// Foundation's `Process` can hang in `waitUntilExit` on Linux when tests start processes in
    /// parallel. The child gets no descriptor of ours but its output files (the server the first
    /// command forks would keep them), and default signal handling with nothing blocked: test
    /// threads block most signals, and a server spawned from one would ignore kill-server (which
    /// signals itself with SIGTERM).
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw Failure(description: "tmux is not installed") }
        let output = folder + "/tmux-\(UInt64.random(in: .min ... .max)).out"
        let error = output + ".err"
        defer {
            unlink(output)
            unlink(error)
        }
        // Not TMUX: even inside tmux, talk to the private server only. Not NO_COLOR (the test runner
        // may set it): the server's environment is every session's, and colour is on unless asked off.
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "NO_COLOR" }
            .map { "\($0.key)=\($0.value)" }
        let status: Int32
        do {
            status = try DirectSpawn.run(
                ([executable, "-L", socket, "-f", "/dev/null"] + arguments).map { Array($0.utf8) },
                environment: environment.map { Array($0.utf8) }, output: output, error: error)
        } catch let failure {
            throw Failure(description: "cannot run \(executable): \(failure)")
        }
        let standardOutput = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let standardError = (try? String(contentsOfFile: error, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (wait status \(status)): \(standardError)")
        }
        return standardOutput
    }
}

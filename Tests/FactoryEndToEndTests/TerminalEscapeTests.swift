import Foundation
import PlannerKit
import Testing

/// Text from a plugin reaches the terminal escaped, and JSON output exactly.
@Suite struct TerminalEscapeTests {
    /// A Python process plugin `name` in `plugins`: its handshake, then `answer` (Python, indented
    /// by four spaces) for each request, with `request` and `send(value)` at hand.
    static func pythonBundle(in plugins: PluginFolder, name: String, answer: String) throws {
        let bundle = plugins.path + "/" + name
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try """
            #!/usr/bin/env python3
            import json, sys
            def send(value):
                sys.stdout.write(json.dumps(value) + "\\n")
                sys.stdout.flush()
            send({"protocol": "planner-factory", "version": 1, "descriptor": {"name": "\(name)", "version": "1.0.0", "capabilities": ["x"]}})
            for line in sys.stdin:
                request = json.loads(line)
            \(answer)
            """.write(toFile: bundle + "/planner.py", atomically: false, encoding: .utf8)
        chmod(bundle + "/planner.py", 0o755)
        try #"{"name": "\#(name)", "version": "1.0.0", "capabilities": ["x"], "entry": {"kind": "process", "command": ["./planner.py"]}}"#
            .write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
    }

    /// A process plugin whose plan's step and whose error message carry an escape sequence and a
    /// right-to-left override.
    static func hostileBundle(in plugins: PluginFolder) throws {
        try pythonBundle(in: plugins, name: "hostile", answer: """
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                elif request["body"]["text"] == "fail":
                    send({"id": request["id"], "error": {"message": "bad \\u001b[2J\\u202eend", "code": "unsolvable"}})
                elif request["body"]["text"] == "lines":
                    send({"id": request["id"], "error": {"message": "bad\\nerror: forged\\rplan by x", "code": "unsolvable"}})
                else:
                    send({"id": request["id"], "result": {"planner": "hostile", "steps": ["red \\u001b[31mstep\\u202e"]}})
            """)
    }

    @Test func planStepsAndErrorMessagesAreEscapedInTextAndExactInJSON() throws {
        let plugins = try PluginFolder()
        try Self.hostileBundle(in: plugins)
        let text = try FactoryBinary.run(["plan", "hostile", "--objective", "go", "--plugin-path", plugins.path])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains(#"red \x1b[31mstep\u202e"#))
        #expect(!text.standardOutput.contains("\u{1b}"))
        #expect(!text.standardOutput.contains("\u{202e}"))
        let json = try FactoryBinary.run(["plan", "hostile", "--objective", "go", "--json", "--plugin-path", plugins.path])
        #expect(try json.json()["steps"]?.arrayValue?.first == .string("red \u{1b}[31mstep\u{202e}"))
        let failed = try FactoryBinary.run(["plan", "hostile", "--objective", "fail", "--plugin-path", plugins.path])
        #expect(failed.status == 3)
        #expect(failed.standardError.contains(#"bad \x1b[2J\u202eend"#))
        #expect(!failed.standardError.contains("\u{1b}"))
        // A line break in the planner's message cannot forge a line of the output; --json keeps it exact.
        let lines = try FactoryBinary.run(["plan", "hostile", "--objective", "lines", "--plugin-path", plugins.path])
        #expect(lines.status == 3)
        #expect(lines.standardError.contains(#"bad\x0aerror: forged\x0dplan by x"#), "\(lines.standardError)")
        #expect(!lines.standardError.split(separator: "\n").contains { $0.hasPrefix("error: forged") })
        let exact = try FactoryBinary.run(["plan", "hostile", "--objective", "lines", "--json", "--plugin-path", plugins.path])
        #expect(try exact.json()["error"]?["context"]?["plannerMessage"] == .string("bad\nerror: forged\rplan by x"))
    }

    @Test func aFolderNameWithALineBreakForgesNoRowOrWarningLine() throws {
        let plugins = try PluginFolder()
        let bundle = plugins.path + "/evil\nfake-row 9.9.9 builtin active\u{1b}[31m"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try #"{"name": "evil", "version": "1.0.0", "capabilities": ["x"], "x-odd\u001b": 1, "entry": {"kind": "dylib", "library": "libp.so"}}"#
            .write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        try "not code".write(toFile: bundle + "/libp.so", atomically: false, encoding: .utf8)
        let state = try PluginFolder()
        let listed = try FactoryBinary.run(["list", "--plugin-path", plugins.path, "--state-dir", state.path])
        let output = listed.standardOutput + listed.standardError
        #expect(!output.split(separator: "\n").contains { $0.hasPrefix("fake-row") }, "\(output)")
        #expect(output.contains(#"evil\x0afake-row 9.9.9 builtin active\x1b[31m"#))
        #expect(output.contains(#"unknown field "x-odd\x1b""#), "the warning line is escaped too")
        #expect(!output.contains("\u{1b}"))
    }

    /// A plugin whose `create` fails with a line break and 5,000 more characters: one line, cut
    /// (the message becomes its quarantine's reason too).
    @Test func aCreateErrorIsOneLineAndCut() throws {
        let plugins = try PluginFolder()
        try Self.pythonBundle(in: plugins, name: "liar", answer: """
                send({"id": request["id"], "error": {"message": "cbad\\nerror: forged" + "y" * 5000, "code": "internal"}})
            """)
        let state = try PluginFolder()
        for _ in 0..<3 {
            let planned = try FactoryBinary.run(["plan", "liar", "--objective", "go", "--plugin-path", plugins.path, "--state-dir", state.path])
            #expect(planned.status == 3)
            #expect(planned.standardError.contains(#"its create call failed: cbad\x0aerror: forged"#), "\(planned.standardError.prefix(400))")
            #expect(!planned.standardError.split(separator: "\n").contains { $0.hasPrefix("error: forged") })
            #expect(planned.standardError.utf8.count < 5_000)
        }
        let quarantined = try FactoryBinary.run(["plan", "liar", "--objective", "go", "--plugin-path", plugins.path, "--state-dir", state.path])
        #expect(quarantined.standardError.contains("is quarantined since"))
        #expect(!quarantined.standardError.split(separator: "\n").contains { $0.hasPrefix("error: forged") }, "\(quarantined.standardError.prefix(400))")
        #expect(quarantined.standardError.utf8.count < 5_000)
    }
}

import Foundation
import Testing

/// `factory list` on a terminal fits its table to the terminal's width; to a pipe it cuts nothing.
@Suite struct TerminalWidthTests {
    static let capabilities = (1...12).map { "capability-number-\($0)" }

    /// `factory list --no-probe` over one bundle with a long capability list and a long path,
    /// through a pseudo-terminal of `columns` columns (`script`, util-linux), its lines as shown.
    static func listOnTerminal(_ plugins: PluginFolder, state: PluginFolder, columns: Int) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "stty cols \(columns) rows 40; exec '\(FactoryBinary.path)' list --no-probe --plugin-path '\(plugins.path)' --state-dir '\(state.path)'"
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "TERM": "xterm"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    static func folders() throws -> (plugins: PluginFolder, state: PluginFolder) {
        let plugins = try PluginFolder()
        try plugins.validBundle("a-bundle-folder-with-a-rather-long-name", name: "wide", capabilities: capabilities)
        return (plugins, try PluginFolder())
    }

    @Test func onAWideTerminalPathsAndCapabilitiesAreCutToFitTheirRow() throws {
        let (plugins, state) = try Self.folders()
        let lines = try Self.listOnTerminal(plugins, state: state, columns: 130)
        let row = try #require(lines.first { $0.hasPrefix("wide ") }, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 130 }, "\(lines)")
        #expect(row.contains("capability-number-1,capability-number-2"))
        #expect(row.contains("…  …"), "capabilities cut at their end, the path at its start: \(row)")
        #expect(row.hasSuffix("-rather-long-name"))
        #expect(!row.contains(plugins.path))
    }

    @Test func onANarrowTerminalThePathGoesUnderItsRow() throws {
        let (plugins, state) = try Self.folders()
        let lines = try Self.listOnTerminal(plugins, state: state, columns: 80)
        let index = try #require(lines.firstIndex { $0.hasPrefix("wide ") }, "\(lines)")
        #expect(lines[0].hasSuffix("CAPABILITIES"), "no PATH column: \(lines[0])")
        #expect(lines.filter { !$0.hasPrefix("    ") }.allSatisfy { $0.count <= 80 }, "\(lines)")
        #expect(lines[index].hasSuffix("…"))
        #expect(lines[index + 1] == "    path: " + plugins.path + "/a-bundle-folder-with-a-rather-long-name")
    }

    @Test func toAPipeNothingIsCut() throws {
        let (plugins, state) = try Self.folders()
        let listed = try FactoryBinary.run(["list", "--no-probe", "--plugin-path", plugins.path, "--state-dir", state.path])
        #expect(listed.status == 0)
        #expect(listed.standardOutput.contains(Self.capabilities.joined(separator: ",") + "  " + plugins.path + "/a-bundle-folder-with-a-rather-long-name"))
        #expect(!listed.standardOutput.contains("…"))
    }
}

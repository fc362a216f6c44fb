import ArgumentParser

/// `--capabilities` and `--objective`, shared by rank, select and plan.
struct RequestOptions: ParsableArguments {
    @Option(name: .long, help: "Required capabilities, comma-separated (e.g. grid,optimal).")
    var capabilities: String?

    @Option(name: .long, help: "The objective text (e.g. \"route from 0,0 to 7,3\").")
    var objective: String = ""

    var capabilityList: [String] { CommandContext.capabilities(capabilities) }
}

#if canImport(Glibc)
import Glibc
#endif

extension BenchmarkSuite {
    /// The TUI group: a frame at 200×60 and a keystroke-to-frame while typing, with 10,000 planners.
    func tui(generator: BundleGenerator, state: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        let size = Self.targetSize
        // The discovery group's bundles when it ran; else new ones.
        var folder = "\(generator.root)/plugins-\(size)"
        if access(folder, F_OK) != 0 {
            progress("tui: generating \(size) bundles")
            folder = try generator.generate(count: size)
        }
        let factory = try BenchmarkConfiguration.discoveredFactory(folder: folder, stateDirectory: state, expectedBundles: size)
        let model = try TUIModel.make(factory: factory, width: 200, height: 60)
        progress("tui: frames and keystrokes (\(rankingSamples) samples)")
        let render = RenderMeasurement(model: model)
        let keystroke = KeystrokeMeasurement(factory: factory, model: model)
        let samples = try Sampler.run([render, keystroke], warmUp: 10, rounds: rankingSamples)
        return [
            BenchmarkResult(
                measurement: "TUI frame 200×60", size: size, quantity: .time(samples[0]), target: .timeAtMost(.milliseconds(5)),
                note: "render the whole screen into the cell grid (planners, ranking, explanation, 1,000 telemetry records) and diff it with the last frame"),
            BenchmarkResult(
                measurement: "TUI keystroke to frame", size: size, quantity: .time(samples[1]), target: .timeAtMost(.milliseconds(16)),
                note: "a key in the capabilities field: update, rank all planners, render, diff"),
        ]
    }
}

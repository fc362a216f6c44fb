extension BenchmarkSuite {
    /// The whole `factory rank --json --no-probe … --limit 1` process on a fresh state folder
    /// against a whole C process that lists the folder and reads every manifest, interleaved.
    func wholeProcess(folder: String, size: Int, factory: String, floorScan: String, state: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        progress("N=\(size): whole processes, factory rank --no-probe and the C floor process (\(rounds) rounds)")
        let floor = WholeProcessMeasurement(arguments: [floorScan, folder], statePrefix: nil)
        let rank = WholeProcessMeasurement(
            arguments: [factory, "rank", "--json", "--no-probe", "--plugin-path", folder, "--objective", RankingMeasurement.objective,
                        "--limit", "1"],
            statePrefix: state + "/rank-process")
        let samples = try Sampler.run([floor, rank], warmUp: 1, rounds: max(rounds, 7))
        return [
            BenchmarkResult(
                measurement: "floor process (C)", size: size, quantity: .time(samples[0]),
                note: "a C process: list the folder, stat, open, read and close every manifest; spawn and wait included; CPU is the child's user + system time"),
            BenchmarkResult(
                measurement: "factory rank --no-probe process", size: size, quantity: .time(samples[1]),
                floor: samples[0].median, target: size == Self.targetSize ? .ratioAtMost(1.2) : nil,
                note: "`factory rank --json --no-probe --plugin-path F --objective … --limit 1` on a fresh state folder, spawn to exit; CPU is the child's"),
        ]
    }
}

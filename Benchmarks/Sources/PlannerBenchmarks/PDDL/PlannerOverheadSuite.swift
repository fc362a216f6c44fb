import PlannerFactory

extension BenchmarkSuite {
    /// The factory's overhead on real planners: each case's own command against the same task
    /// through the factory (select, worker start, plan call, validation), rounds interleaved.
    /// Target: the cold run at most 5 % or 30 ms (whichever is larger) over the direct one.
    func plannerOverhead(tools: PlannerRunTools, root: String) throws(BenchmarkFailure) -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for run in try tools.cases() {
            let state = try SystemError.makeUniqueFolder(in: root, prefix: "pddl-state")
            var configuration = ProbeConfiguration.make(folder: tools.bundles, stateDirectory: state, probePath: tools.probePath)
            configuration.hostPath = tools.hostPath
            configuration.callTimeout = .seconds(30)  // a busy machine must not fail a start
            let direct = DirectPlannerMeasurement(run, root: root)
            let cold = try FactoryPlannerMeasurement(run, configuration: configuration, cold: true)
            let warm = try FactoryPlannerMeasurement(run, configuration: configuration, cold: false)
            progress("pddl: \(run.planner), direct and through the factory (\(rounds) rounds)")
            let samples = try Sampler.run([direct, cold, warm], warmUp: 1, rounds: max(rounds, 7))
            let floor = samples[0].median
            let allowed = max(0.05, 0.030 / floor.seconds)
            let task = run.problem.split(separator: "/").suffix(2).joined(separator: "/")
            results += [
                BenchmarkResult(
                    measurement: "\(run.planner) direct", size: nil, quantity: .time(samples[0]),
                    note: "its own command on \(task) in a fresh folder, spawn to exit"),
                BenchmarkResult(
                    measurement: "\(run.planner) via factory, cold", size: nil, quantity: .time(samples[1]),
                    floor: floor, target: .ratioAtMost(1 + allowed),
                    note: "select + planner(named:) + plan + validation, a new factory and worker each run; "
                        + "target: at most 5 % or 30 ms over direct (here \((1000 * allowed).rounded() / 10) %)"),
                BenchmarkResult(
                    measurement: "\(run.planner) via factory, warm", size: nil, quantity: .time(samples[2]),
                    floor: floor, note: "the same on one factory whose worker stays up"),
            ]
        }
        return results
    }
}

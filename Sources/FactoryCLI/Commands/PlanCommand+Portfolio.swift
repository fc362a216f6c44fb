import Dispatch
import PlannerFactory
import PlannerKit

extension PlanCommand {
    /// `--portfolio N`: runs the portfolio, prints the winner's plan and every run's outcome.
    /// Exits 3 when no plan came (a proof of unsolvability, or every planner failed).
    func runPortfolio(of size: Int, objective: Objective, factory: PlannerFactory, configuration: PlannerConfiguration) throws {
        let start = ContinuousClock.now
        let result = try Self.blocking { () async throws(FactoryError) in
            try await factory.portfolio(objective, size: size, configuration: configuration)
        }
        let duration = ContinuousClock.now - start
        if options.json {
            Output.json(result.json)
        } else {
            let names = result.runs.map(\.planner).joined(separator: ", ")
            if let winner = result.winner, let plan = result.plan {
                print("portfolio of \(result.runs.count) (\(names)): won by \(winner)")
                Self.show(plan, duration: duration, objective: objective)
            } else if let prover = result.unsolvableProvenBy {
                print("portfolio of \(result.runs.count) (\(names)): no plan exists, proven unsolvable by \(prover)")
            } else {
                print("portfolio of \(result.runs.count) (\(names)): no planner found a plan")
            }
            var table = TextTable(["PLANNER", "OUTCOME", "SECONDS", "MESSAGE"])
            for run in result.runs {
                table.add([run.planner, run.outcome, JSONValue.format((run.duration.seconds * 1000).rounded() / 1000), run.message ?? ""])
            }
            print(table.render())
        }
        if result.plan == nil { throw ExitStatus.plannerFailed }
    }

    /// Runs async work from this synchronous command and waits for it.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws(FactoryError) -> T) throws(FactoryError) -> T {
        let box = Locked<Result<T, FactoryError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let outcome: Result<T, FactoryError>
            do throws(FactoryError) { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            box.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = box.withLock({ $0 }) else {
            throw FactoryError(.invalidArgument, "The portfolio ended without a result.")
        }
        return try outcome.get()
    }
}

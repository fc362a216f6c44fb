import PlannerKit

extension PlannerFactory {
    /// Runs the `size` best selectable planners for the objective at once, each in its worker
    /// (builtins on threads of their own): the first valid plan wins (with `optimal` required,
    /// every planner in it is optimal); a proof that no plan exists (`unsolvable`) from any of
    /// them ends the portfolio with that answer. The others are then cancelled and their workers
    /// ended. Each run is recorded in the plan-call telemetry.
    /// - Parameters:
    ///   - objective: what to plan for; its capabilities select the planners.
    ///   - size: how many planners run, at most (1 … 64).
    /// - Returns: the winner and its plan, or who proved unsolvability, and every run's outcome.
    ///   When every planner failed otherwise, neither is set.
    /// - Throws: `FactoryError.invalidArgument` for a size out of range; the selection's error
    ///   when no planner is selectable.
    public func portfolio(_ objective: Objective, size: Int, configuration: PlannerConfiguration = [:]) async throws(FactoryError) -> PortfolioResult {
        guard (1...64).contains(size) else {
            throw FactoryError(.invalidArgument, "A portfolio runs 1 to 64 planners, not \(size).", context: ["size": String(size)])
        }
        let winner = try await selectBestPlanner(objective: objective.text, capabilities: objective.capabilities)
        let names = Array(winner.ranking.candidates().filter(\.isSelectable).map(\.name).prefix(size))
        var runs: [String: PortfolioResult.Run] = [:]
        var result = PortfolioResult(runs: [])
        await withTaskGroup(of: (String, Result<Plan, FactoryError>, Duration).self) { group in
            for name in names {
                group.addTask {
                    let start = ContinuousClock.now
                    let outcome: Result<Plan, FactoryError>
                    do throws(FactoryError) {
                        let instance = try await self.planner(named: name, configuration: configuration)
                        outcome = .success(try await instance.plan(objective))
                    } catch {
                        outcome = .failure(error)
                    }
                    return (name, outcome, ContinuousClock.now - start)
                }
            }
            for await (name, outcome, duration) in group {
                switch outcome {
                case .success(let plan):
                    if result.winner == nil && result.unsolvableProvenBy == nil {
                        result.winner = name
                        result.plan = plan
                        runs[name] = .init(planner: name, outcome: "won", duration: duration)
                        group.cancelAll()
                    } else {
                        runs[name] = .init(planner: name, outcome: "planned", message: "its plan came after the portfolio had ended", duration: duration)
                    }
                case .failure(let error):
                    let code = error.context["code"] ?? error.code.description
                    runs[name] = .init(planner: name, outcome: code, message: error.message, duration: duration)
                    if code == "unsolvable", result.winner == nil, result.unsolvableProvenBy == nil {
                        result.unsolvableProvenBy = name
                        group.cancelAll()
                    }
                }
            }
        }
        result.runs = names.compactMap { runs[$0] }
        return result
    }
}

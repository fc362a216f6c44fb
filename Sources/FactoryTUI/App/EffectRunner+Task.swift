import Foundation
import Logging
import PlannerFactory
import PlannerKit

/// The work of a PDDL task: reading it, and running a portfolio on it.
extension EffectRunner {
    /// Reads and analyses the two files; posts the task, or the error naming file, line and column.
    static func loadTask(domain: String, problem: String, inbox: Inbox, logger: Logger) {
        do {
            let task = try LoadedTask.read(domain: domain, problem: problem)
            logger.info("task loaded", metadata: ["domain": "\(domain)", "problem": "\(problem)", "task": "\(task.summary)"])
            inbox.post(.taskLoaded(task))
        } catch {
            logger.info("task not loaded", metadata: ["domain": "\(domain)", "problem": "\(problem)", "error": "\(error.message)"])
            inbox.post(.taskFailed(error.message))
        }
    }

    /// `P`: `PlannerFactory.portfolio` in a task that `Esc` cancels (which cancels every run in it),
    /// with the elapsed time ticking; posts a plan result naming the winner and every run.
    func portfolio(_ objective: Objective, size: Int) {
        let name = AppModel.portfolioName
        let finished = Locked(false)
        startTicks(for: name, until: finished)
        let done = DispatchSemaphore(value: 0)
        let factory = self.factory
        let inbox = self.inbox
        let logger = self.logger
        let start = ContinuousClock.now
        let task = Task.detached {
            let result: AppModel.PlanResult
            do throws(FactoryError) {
                let outcome = try await factory.portfolio(objective, size: size)
                let error = outcome.plan == nil ? Self.failure(of: outcome) : nil
                result = AppModel.PlanResult(planner: name, objective: objective.text, plan: outcome.plan, error: error?.message,
                                             timings: [("portfolio", ContinuousClock.now - start)], errorCode: error?.code,
                                             isTask: objective.task != nil, portfolio: outcome)
            } catch {
                logger.info("portfolio failed", metadata: ["error": "\(error.message)"])
                result = AppModel.PlanResult(planner: name, objective: objective.text, plan: nil, error: error.message,
                                             timings: [("portfolio", ContinuousClock.now - start)],
                                             errorCode: error.context["code"] ?? error.code.description, isTask: objective.task != nil)
            }
            inbox.post(.planned(result))
            done.signal()
        }
        portfolioTask.withLock { $0 = task }
        done.wait()
        portfolioTask.withLock { $0 = nil }
        finished.withLock { $0 = true }
        inbox.post(.planners(factory.planners()))
        inbox.post(.workers(factory.workers()))
    }

    /// Why a portfolio gave no plan: a proof that none exists, cancellation, or every run failing.
    private static func failure(of outcome: PortfolioResult) -> (message: String, code: String)? {
        if let prover = outcome.unsolvableProvenBy {
            return ("The task has no plan: \(prover) proved it unsolvable.", "unsolvable")
        }
        if Task.isCancelled {
            return ("The portfolio was cancelled; its runs were ended.", "cancelled")
        }
        return ("No planner in the portfolio found a plan (the table says why).", "no-plan")
    }
}

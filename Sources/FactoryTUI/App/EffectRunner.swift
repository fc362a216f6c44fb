import Foundation
import Logging
import PlannerFactory
import PlannerKit

/// Does the work effects ask for: ranking at once on the UI thread (it takes about a millisecond
/// for 10,000 planners); everything that may block — discovery, probes, health checks, plans,
/// releases, bursts — on its own thread, posting results to the inbox. A plugin that hangs holds
/// only its worker thread; the screen stays responsive.
public final class EffectRunner: EffectPerformer {
    let factory: PlannerFactory
    let inbox: Inbox
    let logger: Logger
    /// The running portfolio's task (`P`); cancelling it cancels the portfolio's runs.
    let portfolioTask = Locked<Task<Void, Never>?>(nil)

    public init(factory: PlannerFactory, inbox: Inbox, logger: Logger) {
        self.factory = factory
        self.inbox = inbox
        self.logger = logger
    }

    /// Runs an effect. Returns the event at once for synchronous effects (ranking).
    public func perform(_ effect: Effect) -> AppEvent? {
        switch effect {
        case .rank(let objective, let capabilities):
            return .ranked(factory.rank(objective: objective, capabilities: capabilities))
        case .refreshTelemetry:
            return .telemetry(factory.telemetry.snapshot())
        case .setTelemetryPaused(let paused):
            factory.telemetry.setPaused(paused)
            return .telemetry(factory.telemetry.snapshot())
        default:
            background(effect)
            return nil
        }
    }

    /// The first work: discovery and probing of what is pending.
    public func start() {
        background(.rediscover)
    }

    func background(_ effect: Effect) {
        let runner = self
        Thread.detachNewThread {
            runner.run(effect)
        }
    }

    private func run(_ effect: Effect) {
        logger.debug("effect started", metadata: ["effect": "\(effect)"])
        switch effect {
        case .rediscover:
            let report = factory.rediscover()
            inbox.post(.planners(factory.planners()))
            inbox.post(.discovered(report))
        case .probePending:
            let pending = factory.planners().filter { $0.status == .pending }.count
            guard pending > 0 else { return inbox.post(.probed(ProbeSummary(probed: 0, passed: 0, warnings: [], duration: .zero))) }
            inbox.post(.progress(.probing, "probing 0/\(pending)"))
            let inbox = self.inbox
            let summary = factory.probePending { done, total in inbox.post(.progress(.probing, "probing \(done)/\(total)")) }
            inbox.post(.planners(factory.planners()))
            inbox.post(.probed(summary))
        case .health:
            let report = factory.health { done, total in self.inbox.post(.progress(.health, "health \(done)/\(total)")) }
            inbox.post(.planners(factory.planners()))
            inbox.post(.workers(factory.workers()))
            inbox.post(.healthChecked(report))
        case .plan(let planner, let objective, let capabilities):
            plan(planner, Objective(text: objective, capabilities: capabilities))
        case .planTask(let planner, let objective):
            plan(planner, objective)
        case .portfolio(let objective, let size):
            portfolio(objective, size: size)
        case .loadTask(let domain, let problem):
            Self.loadTask(domain: domain, problem: problem, inbox: inbox, logger: logger)
        case .cancelPlans(let planners):
            for planner in planners {
                if planner == AppModel.portfolioName {
                    portfolioTask.withLock { $0?.cancel() }
                } else {
                    factory.cancelCalls(of: planner)
                }
            }
        case .release(let name):
            do {
                let record = try factory.release(name)
                inbox.post(.released(name: name, record: record, error: nil))
            } catch {
                inbox.post(.released(name: name, record: nil, error: error.message))
            }
            inbox.post(.planners(factory.planners()))
        case .burst(let objective, let capabilities, let count):
            burst(objective, capabilities, count)
        case .rank, .refreshTelemetry, .setTelemetryPaused, .attach:
            break
        }
        logger.debug("effect finished", metadata: ["effect": "\(effect)"])
    }

    /// `Enter`: runs the plan with its elapsed time ticking, then posts the result.
    private func plan(_ planner: String, _ objective: Objective) {
        let finished = Locked(false)
        startTicks(for: planner, until: finished)
        let result = planResult(planner, objective)
        finished.withLock { $0 = true }
        inbox.post(.planned(result))
        inbox.post(.planners(factory.planners()))
        inbox.post(.workers(factory.workers()))
    }

    /// A recorded selection for the request, then the chosen planner's instance (probed, loaded
    /// and created as needed) and one plan, with the time of each phase.
    private func planResult(_ planner: String, _ objective: Objective) -> AppModel.PlanResult {
        _ = try? factory.selectBestPlanner(objective: objective.text, capabilities: objective.capabilities)
        let isTask = objective.task != nil
        var timings: [(name: String, duration: Duration)] = []
        do {
            let instance = try factory.planner(named: planner)
            if let made = factory.telemetry.snapshot().recentInstantiations.first(where: { $0.planner == planner }), made.outcome == .success {
                timings = made.phases.map { ($0.name, $0.duration) }
            }
            let start = ContinuousClock.now
            let plan = try instance.plan(objective)
            timings.append(("plan", ContinuousClock.now - start))
            return AppModel.PlanResult(planner: planner, objective: objective.text, plan: plan, error: nil, timings: timings, isTask: isTask)
        } catch {
            logger.info("plan failed", metadata: ["planner": "\(planner)", "error": "\(error.message)"])
            return AppModel.PlanResult(planner: planner, objective: objective.text, plan: nil, error: error.message, timings: timings,
                                       errorCode: error.context["code"] ?? error.code.description, isTask: isTask)
        }
    }

    /// While a plan runs: its elapsed time and the workers, about once a second.
    func startTicks(for planner: String, until finished: Locked<Bool>) {
        let inbox = self.inbox
        let factory = self.factory
        let start = ContinuousClock.now
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 1)
                if finished.withLock({ $0 }) { return }
                inbox.post(.planTick(planner: planner, elapsed: ContinuousClock.now - start))
                inbox.post(.workers(factory.workers()))
            }
        }
    }

    /// `b`: `count` selections, with progress and telemetry every 100.
    private func burst(_ objective: String, _ capabilities: [String], _ count: Int) {
        let start = ContinuousClock.now
        var failures = 0
        for index in 1...max(1, count) {
            if (try? factory.selectBestPlanner(objective: objective, capabilities: capabilities)) == nil { failures += 1 }
            if index % 100 == 0 {
                inbox.post(.progress(.burst, "burst \(index)/\(count)"))
                inbox.post(.telemetry(factory.telemetry.snapshot()))
            }
        }
        inbox.post(.burstFinished(count: count, failures: failures, duration: ContinuousClock.now - start))
    }
}

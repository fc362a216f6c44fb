import PlannerFactory
import PlannerKit

/// The service's work: goes round the cycle of requests at a steady rate, selecting the best
/// planner for every request (`selectBestPlanner`) and, for those that plan, getting the winner's
/// instance (`planner(named:)`, cached after the first) and its plan. Failures are counted, not
/// printed: the factory's telemetry, its live events and its metrics tell the rest.
struct Workload: Sendable {
    let factory: PlannerFactory
    let items: [WorkItem]
    /// Requests a second.
    let rate: Double
    /// Requests to make before returning; `nil`: until stopped.
    let count: Int?
    let counts: WorkloadCounts
    let stop: StopFlag

    /// Runs until `count` requests are done or the stop flag is set.
    func run() {
        let interval = Duration.seconds(1 / rate)
        var due = ContinuousClock.now
        var done = 0
        while count.map({ done < $0 }) ?? true {
            guard stop.sleep(until: due), !items.isEmpty else { return }
            perform(items[done % items.count])
            done += 1
            due += interval
            // Far behind (slow plans, a busy machine): go on from now instead of catching up in a burst.
            let now = ContinuousClock.now
            if now - due > .seconds(1) { due = now }
        }
    }

    /// One request: a selection, then a plan when the item asks for one and a planner won.
    func perform(_ item: WorkItem) {
        let selection: Selection
        do {
            selection = try factory.selectBestPlanner(objective: item.objective.text, capabilities: item.objective.capabilities)
        } catch {
            counts.selected(isSuccess: false)
            return
        }
        counts.selected(isSuccess: true)
        guard item.plans else { return }
        do {
            let planner = try factory.planner(named: selection.winner.name)
            _ = try planner.plan(item.objective)
            counts.planned(isSuccess: true)
        } catch {
            counts.planned(isSuccess: false, failure: "\(selection.winner.name): \(error.message)")
        }
    }
}

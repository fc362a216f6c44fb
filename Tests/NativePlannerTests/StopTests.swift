import Foundation
import NativePlanner
import PDDL
import PlannerKit
import Synchronization
import Testing

/// A flag another thread sets.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

@Suite struct StopTests {
    /// A large task no search finishes: 40 blocks whose goal is a cycle (reachable when actions
    /// delete nothing, so the planners must search).
    static func endlessObjective() throws -> Objective {
        Planning.objective(domain: try ExampleTasks.text("blocks/domain.pddl"), problem: BlocksTasks.cyclicGoal(blocks: 40))
    }

    /// A large solvable task: 120 blocks in random towers.
    static func largeObjective() throws -> Objective {
        Planning.objective(domain: try ExampleTasks.text("blocks/domain.pddl"), problem: BlocksTasks.random(blocks: 120, seed: 7))
    }

    static let planners: [any InterruptiblePlanner] = [GreedyFFPlanner(), OptimalAStarPlanner()]

    @Test(arguments: 0..<2)
    func stopsAtTheDeadline(_ index: Int) throws {
        let planner = Self.planners[index]
        for (isEndless, objective) in [(true, try Self.endlessObjective()), (false, try Self.largeObjective())] {
            let stop = PlanningStop(deadline: .now + .milliseconds(200))
            let error = Planning.error { try planner.plan(objective, stop: stop) }
            if index == 1 || isEndless {
                #expect(error?.code == .limitReached)
            } else {
                // native-gbfs may solve the large task in time on a fast machine; it must not fail otherwise.
                #expect(error == nil || error?.code == .limitReached)
            }
        }
    }

    @Test(arguments: 0..<2)
    func stopsWhenCancelled(_ index: Int) throws {
        let planner = Self.planners[index]
        let flag = CancellationFlag()
        let objective = try Self.endlessObjective()
        // A thread of its own: the planner blocks this one, and the concurrency pool may be busy.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            flag.set()
        }
        let stop = PlanningStop(isCancelled: { flag.isSet })
        #expect(throws: CancellationError.self) { try planner.plan(objective, stop: stop) }
    }

    @Test func usesTheObjectivesDeadline() throws {
        var objective = try Self.endlessObjective()
        objective.deadline = 0.2
        #expect(Planning.error { try GreedyFFPlanner().plan(objective) }?.code == .limitReached)
    }
}

import Synchronization

/// What the workload did so far, counted by the selecting thread and read by the progress line.
final class WorkloadCounts: Sendable {
    private let selectionCount = Atomic<Int>(0)
    private let selectionFailureCount = Atomic<Int>(0)
    private let planCount = Atomic<Int>(0)
    private let planFailureCount = Atomic<Int>(0)
    /// The last plan failure not yet reported (`planner: message`).
    private let unreportedPlanFailure = Mutex<String?>(nil)

    init() {}

    /// The counts at one moment.
    struct Figures: Equatable, Sendable {
        var selections = 0
        var selectionFailures = 0
        var plans = 0
        var planFailures = 0
    }

    func selected(isSuccess: Bool) {
        selectionCount.add(1, ordering: .relaxed)
        if !isSuccess { selectionFailureCount.add(1, ordering: .relaxed) }
    }

    func planned(isSuccess: Bool, failure: String? = nil) {
        planCount.add(1, ordering: .relaxed)
        guard !isSuccess else { return }
        planFailureCount.add(1, ordering: .relaxed)
        unreportedPlanFailure.withLock { $0 = failure }
    }

    /// The last plan failure since the previous call, if any (for the progress line).
    func takePlanFailure() -> String? {
        unreportedPlanFailure.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }

    var figures: Figures {
        Figures(selections: selectionCount.load(ordering: .relaxed), selectionFailures: selectionFailureCount.load(ordering: .relaxed),
                plans: planCount.load(ordering: .relaxed), planFailures: planFailureCount.load(ordering: .relaxed))
    }
}

extension WorkloadCounts.Figures {
    /// `1200 selections (240 failed), 600 plans (0 failed)`.
    var summary: String {
        "\(selections) selections (\(selectionFailures) failed), \(plans) plans (\(planFailures) failed)"
    }
}

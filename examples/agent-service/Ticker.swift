import Dispatch

/// Periodic jobs (the progress line, the metrics file) on a thread of their own, so that a slow
/// plan on the selecting thread never delays them. Runs until the stop flag is set.
struct Ticker: Sendable {
    /// A job and how often it runs.
    struct Job: Sendable {
        var interval: Duration
        var action: @Sendable () -> Void
    }

    let jobs: [Job]
    let stop: StopFlag

    /// Starts the jobs' thread. - Returns: a group to wait on for its end (after the flag is set).
    func start() -> DispatchGroup {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { run() }
        return group
    }

    /// Runs each job every `interval` (first after one interval) until the flag is set.
    func run() {
        guard !jobs.isEmpty else { return }
        var due = jobs.map { ContinuousClock.now + $0.interval }
        while let next = due.min(), stop.sleep(until: next) {
            let now = ContinuousClock.now
            for index in jobs.indices where due[index] <= now {
                jobs[index].action()
                due[index] = now + jobs[index].interval
            }
        }
    }
}

import Foundation
import Synchronization

/// The short line the service prints every few seconds on standard error: the counts so far,
/// the rate since the last line, and the last plan failure since then, if any.
final class ProgressLine: Sendable {
    let counts: WorkloadCounts
    /// The selections counted at the last line, and when.
    private let last: Mutex<(selections: Int, instant: ContinuousClock.Instant)>

    init(counts: WorkloadCounts) {
        self.counts = counts
        last = Mutex((0, .now))
    }

    /// Prints the line.
    func report() {
        let figures = counts.figures
        let now = ContinuousClock.now
        let (selections, instant) = last.withLock { last in
            defer { last = (figures.selections, now) }
            return last
        }
        let seconds = Self.seconds(now - instant)
        let rate = seconds > 0 ? Double(figures.selections - selections) / seconds : 0
        var line = "\(figures.summary); \(String(format: "%.1f", rate)) a second"
        if let failure = counts.takePlanFailure() { line += "; last plan failure: \(failure)" }
        Console.say(line)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

import Foundation

/// The third-party planners `scripts/install-planners` installs (Fast Downward, pyperplan, the
/// Unified Planning Framework's validator) in `.venv-planners`. Tests that need them skip with a
/// visible reason where they are not installed; with `FACTORY_REQUIRE_PLANNERS=1` (as in CI) they
/// run and fail instead.
public enum InstalledPlanners {
    /// The repository's root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path

    /// The virtual environment.
    public static let environment = repository + "/.venv-planners"

    /// The installed bundles (one folder per planner).
    public static let bundles = environment + "/bundles"

    /// The environment's Python interpreter.
    public static let python = environment + "/bin/python"

    /// Whether `FACTORY_REQUIRE_PLANNERS=1`: missing planners fail tests instead of skipping them.
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["FACTORY_REQUIRE_PLANNERS"] == "1"
    }

    /// Whether the bundle `name` is installed.
    public static func has(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: bundles + "/" + name + "/planner.json")
    }

    /// Whether tests that need `names` should run: they are installed, or they are required
    /// (the test then fails on the missing planner).
    public static func shouldRun(_ names: [String]) -> Bool {
        isRequired || names.allSatisfy(has)
    }

    /// The reason shown for a skipped test.
    public static let skipReason = "needs the planners of scripts/install-planners (run it, or set FACTORY_REQUIRE_PLANNERS=1 to fail instead of skipping)"
}

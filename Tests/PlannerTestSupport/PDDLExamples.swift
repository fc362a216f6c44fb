import Foundation

/// The project's own PDDL tasks in `examples/pddl` (see its README).
public enum PDDLExamples {
    /// `examples/pddl` of the repository.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/pddl").standardized.path

    /// The path of `domain/domain.pddl`.
    public static func domain(_ domain: String) -> String { folder + "/" + domain + "/domain.pddl" }

    /// The path of `domain/problem.pddl`.
    public static func problem(_ domain: String, _ problem: String) -> String { folder + "/" + domain + "/" + problem + ".pddl" }

    /// The texts of a domain and one of its problems.
    public static func texts(_ domain: String, _ problem: String) throws -> (domain: String, problem: String) {
        (try String(contentsOfFile: Self.domain(domain), encoding: .utf8), try String(contentsOfFile: Self.problem(domain, problem), encoding: .utf8))
    }
}

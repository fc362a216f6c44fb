@testable import PDDL

/// The error a throwing body throws, or `nil` when it does not throw.
/// (Any other error is returned as `nil` too, which fails the expectations that follow.)
func pddlError(_ body: () throws -> Void) -> PDDLError? {
    do {
        try body()
        return nil
    } catch {
        return error as? PDDLError
    }
}

/// Parses a domain and a problem into a task, for tests whose fixtures are valid.
func task(_ domain: String, _ problem: String) throws -> ParsedTask {
    try PDDLParser.parseTask(domain: domain, problem: problem)
}

import Foundation
import PDDL
import PlannerKit

/// The project's PDDL tasks in examples/pddl, found from this file's path.
enum ExampleTasks {
    static let folder: String = {
        var path = #filePath
        for _ in 0..<4 { path = (path as NSString).deletingLastPathComponent }
        return path + "/examples/pddl"
    }()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relativePath, encoding: .utf8)
    }

    /// The objective for `domain/problem` (problem without `.pddl`).
    static func objective(_ domain: String, _ problem: String, deadline: Double? = nil) throws -> Objective {
        Objective(
            text: "\(domain) \(problem)", deadline: deadline,
            task: PlanningTask(domain: try text("\(domain)/domain.pddl"), problem: try text("\(domain)/\(problem).pddl")))
    }

    static func parsed(_ domain: String, _ problem: String) throws -> ParsedTask {
        try PDDLParser.parseTask(domain: try text("\(domain)/domain.pddl"), problem: try text("\(domain)/\(problem).pddl"))
    }

    static func parsed(domain: String, problem: String) throws -> ParsedTask {
        try PDDLParser.parseTask(domain: domain, problem: problem)
    }

    /// Every solvable task: `p*.pddl` of every domain except syntax-error.
    static let solvable: [(String, String)] = {
        var result: [(String, String)] = []
        let domains = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for domain in domains.sorted() where domain != "syntax-error" {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + domain)) ?? []
            for file in files.sorted() where file.hasPrefix("p") && file.hasSuffix(".pddl") {
                result.append((domain, String(file.dropLast(5))))
            }
        }
        return result
    }()
}

import Foundation
import PDDL
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The factory's plan validator agrees with an independent one, the Unified Planning
/// Framework's `SequentialPlanValidator` (PyPI `unified-planning`, installed by
/// `scripts/install-planners`), on Fast Downward's plans and on the same plans broken on purpose.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"),
       .enabled(if: InstalledPlanners.shouldRun(["fd-lama-first"]), Comment(rawValue: InstalledPlanners.skipReason)))
struct ValidatorCrossCheckTests {
    /// Reads `[{"domain": path, "problem": path, "steps": [...]}, …]` and prints one verdict a
    /// case (`VALID`, `INVALID`, or `ERROR: …`), as a JSON list: one interpreter for every case
    /// (the framework takes seconds to start).
    static let script = """
        import json, sys
        import unified_planning.shortcuts as up
        from unified_planning.io import PDDLReader
        up.get_environment().credits_stream = None
        verdicts = []
        for case in json.load(sys.stdin):
            try:
                reader = PDDLReader()
                task = reader.parse_problem(case["domain"], case["problem"])
                plan = reader.parse_plan_string(task, "\\n".join(case["steps"]))
                with up.PlanValidator(name="sequential_plan_validator") as validator:
                    verdicts.append(validator.validate(task, plan).status.name)
            except Exception as error:
                verdicts.append("ERROR: %s" % error)
        print(json.dumps(verdicts))
        """

    /// Tasks the framework can read (no `either` types), with what they use.
    static let tasks = [
        ("blocks", "p02"), ("blocks", "p03"), ("gripper", "p01"), ("logistics", "p01"), ("elevator", "p01"),
        ("briefcase", "p01"), ("travel-costs", "p02"), ("adl-doors", "p01"),
    ]

    @Test func bothValidatorsAgreeOnPlansAndOnPlansBrokenOnPurpose() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copy([InstalledPlanners.bundles + "/fd-lama-first"], into: root)
        let factory = WorkerFixtures.factory(root) { $0.validatesPlans = false }
        var cases: [(domain: String, problem: String, steps: [String], what: String)] = []
        for (domain, problem) in Self.tasks {
            let texts = try PDDLExamples.texts(domain, problem)
            let objective = try Objective.pddl(domain: texts.domain, problem: texts.problem).0
            let steps = try factory.plan(objective, using: "fd-lama-first").steps
            try #require(steps.count >= 3, "\(domain)/\(problem) has a plan too short to break")
            let paths = (PDDLExamples.domain(domain), PDDLExamples.problem(domain, problem))
            var dropped = steps
            dropped.remove(at: steps.count / 2)
            var swapped = steps
            swapped.swapAt(0, 1)
            for (variant, what) in [(steps, "as found"), (dropped, "a middle step dropped"), (swapped, "the first two swapped"),
                                    (Array(steps.dropLast()), "the last step dropped")] {
                cases.append((paths.0, paths.1, variant, "\(domain)/\(problem), \(what)"))
            }
        }
        let theirs = try Self.frameworkVerdicts(cases.map { ($0.domain, $0.problem, $0.steps) })
        try #require(theirs.count == cases.count)
        var invalidSeen = 0
        for (index, item) in cases.enumerated() {
            let task = try PDDLParser.parseTask(domain: String(contentsOfFile: item.domain, encoding: .utf8),
                                                problem: String(contentsOfFile: item.problem, encoding: .utf8))
            let ours = PlanValidator.validate(item.steps, for: task)
            #expect(!theirs[index].hasPrefix("ERROR"), "\(item.what): the framework failed: \(theirs[index])")
            #expect(ours.isValid == (theirs[index] == "VALID"), "\(item.what): ours \(ours), theirs \(theirs[index])")
            if theirs[index] == "INVALID" { invalidSeen += 1 }
        }
        #expect(invalidSeen >= Self.tasks.count, "the broken plans were broken")
    }

    static func frameworkVerdicts(_ cases: [(String, String, [String])]) throws -> [String] {
        let input = JSONValue.array(cases.map { domain, problem, steps in
            .object(["domain": .string(domain), "problem": .string(problem), "steps": .array(steps.map(JSONValue.string))])
        }).serialized()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InstalledPlanners.python)
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let verdicts = try JSONValue(parsing: String(decoding: output, as: UTF8.self))
        return verdicts.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// Internal failures interpolated into messages read as words, never as case names such as
/// "system(is a directory)", "notRegularFile" or "tooLarge(70000000)".
@Suite struct ErrorWordingTests {
    static func readFailure(_ path: String, limit: Int = 1 << 20) -> FileSystem.ReadFailure? {
        if case .failure(let failure) = FileSystem.withContents(of: path, limit: limit, { _, _, _ in () }) { return failure }
        return nil
    }

    @Test func readFailuresAreWords() throws {
        let root = try TemporaryFolder()
        let folder = try root.folder("a-folder")
        #expect("\(try #require(Self.readFailure(folder)))" == "is a directory")
        let big = try root.write("big", String(repeating: "x", count: 100))
        #expect("\(try #require(Self.readFailure(big, limit: 10)))" == "too large: 100 bytes")
        let fifo = root.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect("\(try #require(Self.readFailure(fifo)))" == "not a regular file (a FIFO, socket or device)")
        #expect("\(try #require(Self.readFailure(root.path + "/missing")))" == "no such file or directory")
    }

    @Test(arguments: [
        (WorkerFailure.answered(code: "unsolvable", message: "no"), "the planner answered with an error (unsolvable): no"),
        (.ended(.signaled(SIGSEGV), log: ""), "the worker crashed with SIGSEGV"),
        (.ended(.exited(code: 3), log: ""), "the worker exited with code 3"),
        (.protocolError("line 1 is not JSON", log: ""), "the worker broke the protocol: line 1 is not JSON"),
        (.timedOut(.milliseconds(1500)), "the call did not finish within 1.5 s"),
        (.cancelled, "the call was cancelled"),
        (.unavailable("no factory-host"), "no factory-host"),
        (.waited("every place was taken"), "every place was taken"),
        (.stopped, "the factory ended the worker during the call"),
    ])
    func workerFailuresAreWords(failure: WorkerFailure, expected: String) {
        #expect("\(failure)" == expected)
    }

    @Test func aFactoryErrorWithAnInternalCauseSaysItInWords() throws {
        let root = try TemporaryFolder()
        let cause = try #require(Self.readFailure(try root.folder("f")))
        let error = FactoryError(.invalidArgument, "The file cannot be read.", cause: cause)
        #expect(error.description == "The file cannot be read. (cause: is a directory)")
    }

    /// A planner's own words appear once: the message says them, so no "(cause: …)" repeats them.
    @Test func aPlannersErrorIsNotRepeatedAsItsCause() throws {
        let factory = PlannerFactory(configuration: FactoryConfiguration(), builtins: [BuiltinPlanner(EchoPlanner.self)])
        factory.discover()
        do {
            _ = try factory.planner(named: "echo", configuration: ["fail": true])
            Issue.record("creation must fail")
        } catch {
            #expect(error.description == #"Could not create planner "echo": configured to fail"#)
        }
        do {
            _ = try factory.planner(named: "echo").plan(Objective(text: ""))
            Issue.record("planning must fail")
        } catch {
            #expect(error.description == #"Planner "echo" could not plan for "": the objective is empty"#)
        }
    }
}

import PDDL
import PlannerKit

/// PDDL domains and problems read from files for objectives (`factory plan --domain D --problem P`).
public enum PDDLTaskFile {
    /// The largest domain or problem file read: 64 MiB.
    public static let maximumSize = 64 << 20

    /// The text of a domain or problem file.
    /// - Parameter role: `"domain"` or `"problem"`, for messages.
    /// - Throws: `FactoryError.invalidArgument` naming the file and what is wrong with it.
    public static func read(_ path: String, role: String) throws(FactoryError) -> String {
        let result = FileSystem.withContents(of: path, limit: maximumSize) { bytes, _, _ in
            String(decoding: bytes, as: UTF8.self)
        }
        switch result {
        case .success(let text): return text
        case .failure(.system(let errno)):
            throw FactoryError(.invalidArgument, "The \(role) file \(path) cannot be read: \(errno).", context: ["path": path, "role": role])
        case .failure(.tooLarge(let size)):
            throw FactoryError(.invalidArgument, "The \(role) file \(path) is \(size) bytes, more than the \(maximumSize >> 20) MiB a task file may have.",
                               context: ["path": path, "role": role])
        case .failure(.notRegularFile):
            throw FactoryError(.invalidArgument, "The \(role) file \(path) is not a regular file (a FIFO, socket or device).", context: ["path": path, "role": role])
        }
    }
}

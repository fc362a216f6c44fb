/// Why a manifest is invalid: the file, the field (when one is to blame) and what is wrong.
public struct ManifestProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The manifest file.
    public var file: String
    /// The field to blame, e.g. `version` or `entry.library`; `nil` for the whole file.
    public var field: String?
    /// What is wrong, e.g. "\"1.x\" is not a semantic version (expected MAJOR.MINOR.PATCH such as 1.2.0)".
    public var detail: String
    /// The name the manifest gives, when it is usable (so the record can still be named).
    public var usableName: String?

    public var description: String {
        if let field { return "\(file): field \"\(field)\": \(detail)" }
        return "\(file): \(detail)"
    }
}

/// A JSON payload (objective, plan, descriptor, configuration) that does not have the documented form.
public struct DataFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the field.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A failure of the service itself (not of a planner): printed as `error: …`, exit status 1.
struct ServiceError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

extension FileSystem.ReadFailure: CustomStringConvertible {
    /// Why a file could not be read, in words for a message ("is a directory", "not a regular
    /// file (a FIFO, socket or device)", "too large: 70000000 bytes"), never the case's name.
    var description: String {
        switch self {
        case .system(let error): error.description
        case .tooLarge(let size): "too large: \(size) bytes"
        case .notRegularFile: "not a regular file (a FIFO, socket or device)"
        }
    }
}

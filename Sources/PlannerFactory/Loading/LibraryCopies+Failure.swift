import PlannerKit

extension LibraryCopies {
    /// Why a copy of a bundle's libraries could not be made. The two cases must stay apart: a
    /// file of the bundle is the plugin's own fault (it is quarantined), a failure of the machine
    /// is not (the plugin stays pending, with a warning, and is copied again next time).
    enum Failure: Error, Sendable, CustomStringConvertible {
        /// A library file of the bundle that may not be copied: the plugin's fault.
        case bundleFile(BundleFileFault)
        /// Not the plugin's fault: the state folder could not take the copy (no space left, no
        /// permission; code `.invalidConfiguration`), or the copy did not finish within the
        /// sandbox deadline (code `.sandboxTimeout`).
        case environment(FactoryError)

        var description: String {
            switch self {
            case .bundleFile(let fault): "\(fault.kind): \(fault.description)"
            case .environment(let error): error.message
            }
        }

        /// The error for creating an instance of `planner` from the copy.
        func factoryError(planner: String) -> FactoryError {
            switch self {
            case .bundleFile(let fault): .instantiation(planner, "its library files cannot be copied: \(fault.description)")
            case .environment(let error): error
            }
        }
    }
}

/// A library file of a bundle that the copy refuses, and why. It is the plugin's own fault: the
/// plugin is quarantined with `kind: description`, e.g. "not-a-regular-file: libextra.so.3 is a
/// FIFO, not a regular file".
struct BundleFileFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the file.
    enum Problem: Sendable, Hashable {
        /// Not a regular file: "a FIFO", "a socket", "a character device", "a block device", "a folder".
        case notRegularFile(String)
        /// The file's path, or where its links lead (`resolved`, when known), is outside the bundle.
        case outsideBundle(resolved: String?)
        /// Its size (from `fstat`) takes the bundle's library files past `limit` bytes.
        case tooLarge(size: UInt64, limit: Int)
        /// It grew while it was copied, past `limit` bytes for the bundle.
        case grewPastLimit(limit: Int)
        /// It cannot be resolved, opened or read; the text completes "<file> …".
        case unreadable(String)
        /// Its path inside the bundle is `bytes` long, more than `limit`.
        case pathTooLong(bytes: Int, limit: Int)
        /// The bundle has `count` library files, more than `limit` (`file` names the bundle).
        case tooManyFiles(count: Int, limit: Int)
    }

    /// The file, relative to the bundle folder, as the bundle names it.
    var file: String
    /// Where its links lead, relative to the bundle folder, when that is another file of the bundle.
    var linkTarget: String?
    var problem: Problem
    /// The files it is about, by path, with their identities now (`FileIdentity`): when one
    /// changes, the quarantine no longer holds.
    var identities: [String: String]

    init(file: String, linkTarget: String? = nil, problem: Problem, identities: [String: String] = [:]) {
        self.file = file
        self.linkTarget = linkTarget
        self.problem = problem
        self.identities = identities
    }

    /// The kind of quarantine: `not-a-regular-file`, `outside-the-bundle`,
    /// `library-files-too-large`, `unreadable-library`, `library-path-too-long` or
    /// `too-many-library-files`.
    var kind: String {
        switch problem {
        case .notRegularFile: "not-a-regular-file"
        case .outsideBundle: "outside-the-bundle"
        case .tooLarge, .grewPastLimit: "library-files-too-large"
        case .unreadable: "unreadable-library"
        case .pathTooLong: "library-path-too-long"
        case .tooManyFiles: "too-many-library-files"
        }
    }

    /// What is wrong, naming the file: "libextra.so (a link to pipe) is a FIFO, not a regular file".
    /// Names from the bundle are escaped, and cut when long.
    var description: String {
        let file = TerminalText.excerpt(self.file, limit: 160)
        let name = linkTarget.map { "\(file) (a link to \(TerminalText.excerpt($0, limit: 160)))" } ?? file
        switch problem {
        case .notRegularFile(let what):
            return "\(name) is \(what), not a regular file"
        case .outsideBundle(let resolved):
            return "\(file) resolves outside the bundle" + (resolved.map { ", to \(TerminalText.excerpt($0, limit: 160))" } ?? "")
        case .tooLarge(let size, let limit):
            return "\(name) (\(size) bytes) takes the bundle's library files past the copy limit of \(Self.limitText(limit))"
        case .grewPastLimit(let limit):
            return "\(name) grew while it was copied, past the copy limit of \(Self.limitText(limit))"
        case .unreadable(let what):
            return "\(name) \(what)"
        case .pathTooLong(let bytes, let limit):
            return "\(name) has a path of \(bytes) bytes inside the bundle, more than the \(limit) a library file's path may have"
        case .tooManyFiles(let count, let limit):
            return "\(file) has \(count) library files (*.so, *.so.*), more than the \(limit) one bundle may have"
        }
    }

    /// The probe outcome it stands for: the plugin fails before its probe runs.
    var outcome: ProbeOutcome { .failed(kind: kind, detail: description) }

    private static func limitText(_ limit: Int) -> String {
        "\(FactoryConfiguration.byteSizeText(limit)) (\(ConfigurationKey.maxCopyBytes.environmentName))"
    }
}

import Foundation
import PlannerKit
import Testing
@testable import PlannerFactory

/// Where publishers keep their sockets, how a second one in a process is named, and how a gone
/// publisher is told (by its free lock or a refused connection, never by its pid) and cleaned up.
struct LiveDirectoryTests {
    @Test func claimsAreNamedByPidAndListedWhileHeld() throws {
        let root = try TemporaryFolder()
        let directory = LiveDirectory(stateDirectory: root.path + "/state")
        let first = try directory.claim(pid: getpid(), stateDirectory: root.path + "/state", environment: [:])
        let second = try directory.claim(pid: getpid(), stateDirectory: root.path + "/state", environment: [:])
        #expect(first.id == "\(getpid())" && second.id == "\(getpid())-2")
        #expect(directory.publishers().map(\.id) == [first.id, second.id])
        #expect(directory.publishers().allSatisfy { $0.pid == getpid() })
        directory.release(first)
        #expect(directory.publishers().map(\.id) == [second.id])
        directory.release(second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aGonePublishersFilesAreRemovedByTheNextListerAndOthersAreLeft() throws {
        let root = try TemporaryFolder()
        let directory = LiveDirectory(stateDirectory: root.path + "/state")
        let live = try directory.claim(pid: getpid(), stateDirectory: root.path + "/state", environment: [:])
        defer { directory.release(live) }
        // A publisher killed with its lock released: a lock file nobody holds, a socket nobody listens on.
        try Self.deadSocket(directory.path + "/4242.sock")
        try root.write("state/live/4242.lock", "")
        // A socket without a lock, nobody listening; and a file that is not a publisher's.
        try Self.deadSocket(directory.path + "/4343-2.sock")
        try root.write("state/live/notes.txt", "kept")
        #expect(directory.publishers().map(\.id) == [live.id])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == ["\(live.id).lock", "\(live.id).sock", "notes.txt"])
    }

    @Test func aStatePathTooLongForASocketUsesAShortFolderAndALink() throws {
        let root = try TemporaryFolder()
        let state = root.path + "/" + String(repeating: "long-folder-name/", count: 6) + "state"
        let runtime = try root.folder("run")
        let directory = LiveDirectory(stateDirectory: state)
        let claim = try directory.claim(pid: getpid(), stateDirectory: state, environment: ["XDG_RUNTIME_DIR": runtime])
        #expect(claim.socketPath.hasPrefix(runtime + "/planner-factory/\(getpid())-"))
        #expect(claim.socketPath.utf8.count <= LiveSocket.pathMax)
        #expect(try String(contentsOfFile: directory.path + "/\(claim.id).link", encoding: .utf8) == claim.socketPath + "\n")
        #expect(try LivePublisherTests.mode(runtime + "/planner-factory") == 0o700)
        #expect(directory.publishers().map(\.socketPath) == [claim.socketPath])
        directory.release(claim)
        #expect(!FileManager.default.fileExists(atPath: claim.socketPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(.enabled(if: getuid() == 0, "handing a folder to another user needs root"))
    func aLiveFolderOfAnotherUserIsRefused() throws {
        let root = try TemporaryFolder()
        let directory = LiveDirectory(stateDirectory: root.path + "/state")
        try root.folder("state/live")
        chown(directory.path, 65534, 65534)
        #expect(throws: FactoryError(.liveUnavailable, "")) {
            try directory.claim(pid: getpid(), stateDirectory: root.path + "/state", environment: [:])
        }
        do {
            _ = try directory.claim(pid: getpid(), stateDirectory: root.path + "/state", environment: [:])
        } catch {
            #expect(error.message.contains(directory.path) && error.message.contains("operation not permitted"))
        }
    }

    /// A socket file nobody listens on (bound, then its listener closed).
    static func deadSocket(_ path: String) throws {
        let descriptor = try LiveSocket.listen(path).get()
        close(descriptor)
    }
}

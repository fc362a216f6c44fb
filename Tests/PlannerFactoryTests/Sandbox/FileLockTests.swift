import Foundation
import Testing
@testable import PlannerFactory

/// The state folder's record locks: taken at once or with a limit, naming their holder.
@Suite struct FileLockTests {
    @Test func aHeldLockNamesItsHolderAfterTheNoticeAndAtTheLimit() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/records.lock"
        guard let held = try FileLock.attempt(path, stateDirectory: root.path) else { Issue.record("a fresh lock is free"); return }
        #expect(try !Self.isFree(path, root), "another open file of the same process does not get it")
        let notices = Locked<[String]>([])
        do {
            let lock = try FileLock.acquire(
                path, stateDirectory: root.path, purpose: "save a test record", timeout: .milliseconds(300), timeoutName: "FACTORY_LOCK_TIMEOUT",
                noticeAfter: .milliseconds(100), notice: { notice in notices.withLock { $0.append(notice) } })
            lock.release()
            Issue.record("expected the wait to give up")
        } catch {
            #expect(error.code == .stateFolderBusy)
            #expect(error.message.contains("Could not save a test record: the lock \(path) is held by pid \(getpid())"))
            #expect(error.message.contains("gave up after 0.3 s (FACTORY_LOCK_TIMEOUT), and nothing was written"))
            #expect(error.context["pid"] == "\(getpid())")
        }
        let said = notices.withLock { $0 }
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("Waiting to save a test record: the lock \(path) is held by pid \(getpid()) (") == true)
        #expect(said.first?.contains("waiting at most 0.3 s (FACTORY_LOCK_TIMEOUT)") == true)
        held.release()
        #expect(try Self.isFree(path, root))
    }

    static func isFree(_ path: String, _ root: TemporaryFolder) throws -> Bool {
        guard let lock = try FileLock.attempt(path, stateDirectory: root.path) else { return false }
        lock.release()
        return true
    }

    /// A lock file its holder removed does not keep a later process out: the path names a new file.
    @Test func aRemovedLockFileIsMadeAgain() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/records.lock"
        guard let held = try FileLock.attempt(path, stateDirectory: root.path) else { Issue.record("a fresh lock is free"); return }
        unlink(path)
        #expect(try Self.isFree(path, root))
        #expect(FileManager.default.fileExists(atPath: path))
        held.release()
    }

    @Test func theHolderWritesItsPidAndTime() throws {
        let root = try TemporaryFolder()
        let path = root.path + "/records.lock"
        guard let held = try FileLock.attempt(path, stateDirectory: root.path) else { Issue.record("a fresh lock is free"); return }
        let holder = LockHolder.read(path)
        #expect(holder.processID == getpid())
        #expect(holder.command?.isEmpty == false)
        #expect(holder.since.map { abs($0 - WallClock.now()) < 3600 } == true)
        held.release()
        #expect(LockHolder.read(root.path + "/none.lock").description == "another process")
    }
}

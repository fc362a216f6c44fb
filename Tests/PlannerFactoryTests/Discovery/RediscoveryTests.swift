import Foundation
import Testing
@testable import PlannerFactory

@Suite struct RediscoveryTests {
    @Test func rediscoveryReportsAddedRemovedChangedUnchanged() throws {
        let root = try TemporaryFolder()
        for index in 0..<5 { try root.bundle("plugins/p\(index)", name: "p\(index)", capabilities: ["a"]) }
        let factory = root.factory(["plugins"])
        let first = factory.discover()
        #expect(first.added.count == 5)
        #expect(first.unchangedCount == 0)

        let second = factory.rediscover()
        #expect(second.summary == "added 0, removed 0, changed 0, unchanged 5")

        try FileManager.default.removeItem(atPath: root.path + "/plugins/p0")
        try root.bundle("plugins/p5", name: "p5")
        try root.bundle("plugins/p1", name: "p1", version: "2.0.0", capabilities: ["a", "b"])
        let third = factory.rediscover()
        #expect(third.added == [root.path + "/plugins/p5"])
        #expect(third.removed == [root.path + "/plugins/p0"])
        #expect(third.changed == [root.path + "/plugins/p1"])
        #expect(third.unchangedCount == 3)
        #expect(factory.record(named: "p1")?.version == "2.0.0")
        #expect(factory.record(named: "p0") == nil)
    }

    @Test func fastModeIgnoresOtherFilesDeepModeSeesThem() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "p")
        let fast = root.factory(["plugins"])
        let deep = root.factory(["plugins"], deep: true)
        fast.discover()
        deep.discover()
        try root.write("plugins/p/data/model.bin", "weights")
        #expect(fast.rediscover().changed.isEmpty)
        #expect(deep.rediscover().changed == [root.path + "/plugins/p"])
        #expect(deep.rediscover().unchangedCount == 1)
    }

    @Test func libraryAppearingReleasesInvalidBundle() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "p", createLibrary: false)
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.record(named: "p")?.status == .invalid)
        try root.write("plugins/p/libplanner.so", "now here")
        let report = factory.rediscover()
        #expect(report.changed.count == 1)
        #expect(factory.record(named: "p")?.status == .active)
    }

    @Test func touchingTheManifestIsAChange() throws {
        let root = try TemporaryFolder()
        let bundle = try root.bundle("plugins/p", name: "p")
        let factory = root.factory(["plugins"])
        factory.discover()
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 5), timespec(tv_sec: 1_000_000, tv_nsec: 5)]
        #expect(utimensat(AT_FDCWD, bundle + "/planner.json", &times, 0) == 0)
        #expect(factory.rediscover().changed.count == 1)
    }
}

/// Rediscovery trusts change notification only where a folder watch sees every change.
@Suite struct ChangeNotificationTests {
    @Test func unchangedRediscoveryUsesNotificationAndChangesAreSeen() throws {
        let root = try TemporaryFolder()
        for index in 0..<3 { try root.bundle("plugins/p\(index)", name: "p\(index)") }
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(!factory.rediscover().isFromChangeNotification, "the first rediscovery examines every bundle and adds the watches")
        let quiet = factory.rediscover()
        #expect(quiet.isFromChangeNotification)
        #expect(quiet.unchangedCount == 3)

        // An in-place write (same inode) to the library.
        let handle = try #require(FileHandle(forWritingAtPath: root.path + "/plugins/p1/libplanner.so"))
        handle.seekToEndOfFile()
        handle.write(Data("more".utf8))
        handle.closeFile()
        let afterWrite = factory.rediscover()
        #expect(!afterWrite.isFromChangeNotification)
        #expect(afterWrite.changed == [root.path + "/plugins/p1"])
        #expect(factory.rediscover().isFromChangeNotification)

        try root.bundle("plugins/p3", name: "p3")
        #expect(factory.rediscover().added == [root.path + "/plugins/p3"])
        try FileManager.default.removeItem(atPath: root.path + "/plugins/p0")
        #expect(factory.rediscover().removed == [root.path + "/plugins/p0"])
    }

    @Test func bundlesNoWatchCoversAreCheckedByStat() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/nested", name: "nested", library: "lib/libplanner.so")
        try root.write("elsewhere/planner.json", #"{"name": "linked", "version": "1.0.0", "entry": {"kind": "dylib", "library": "libplanner.so"}}"#)
        try root.write("plugins/linked/libplanner.so", "x")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/plugins/linked/planner.json", withDestinationPath: root.path + "/elsewhere/planner.json")
        let factory = root.factory(["plugins"])
        factory.discover()
        factory.rediscover()
        #expect(factory.rediscover().isFromChangeNotification)

        // A change inside a sub-folder: the bundle folder's watch does not see it.
        try root.write("plugins/nested/lib/libplanner.so", "a new build, longer than before")
        #expect(factory.rediscover().changed == [root.path + "/plugins/nested"])
        // A change to a linked manifest's target, outside the bundle.
        try root.write("elsewhere/planner.json", #"{"name": "linked", "version": "2.0.0", "entry": {"kind": "dylib", "library": "libplanner.so"}}"#)
        #expect(factory.rediscover().changed == [root.path + "/plugins/linked"])
        #expect(factory.record(named: "linked")?.version == "2.0.0")
    }
}

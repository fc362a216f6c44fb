import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// The example bundles as the real `factory list` sees them, on the libraries `scripts/build-examples`
/// built for this build (`scripts/test` builds them first): each bundle of the fault gallery is
/// quarantined with a reason that names its fault, the working plugins are active, and nothing a
/// probe started is left running.
@Suite struct FaultGalleryTests {
    /// Bundles quarantined for a fault that every build reports the same way.
    static let loadFaults: [(bundle: String, reason: String)] = [
        ("fault-hang-entry", "did not finish within"),
        ("fault-hang-constructor", "did not finish within"),
        ("blocks-greedy-c", "missing-entry-symbol: the library does not export planner_plugin_entry"),
        ("fault-undefined-symbol", "undefined-dependency-symbol: "),
        ("fault-not-a-library", "not-a-shared-library: "),
        ("fault-abi-mismatch", "abi-mismatch: the plugin speaks ABI version 99"),
        ("fault-invalid-json", "invalid-descriptor: describe returned text that is not a JSON object"),
        ("fault-fork-constructor", "left-process-behind: the library started a process"),
        ("fault-setsid-child", "left-process-behind: the library started a process"),
        ("fault-process-exits", "exited-before-handshake: it exited with code 3 before the handshake; its last standard error: fatal: cannot find model file"),
        ("fault-wrong-name", #"describe names the planner "another-planner", the manifest "fault-wrong-name""#),
        ("fault-missing-capability", "the manifest claims capabilities describe does not: teleport"),
    ]

    /// Bundles whose probe dies of a signal. Under the thread sanitizer its deadly-signal handler
    /// reports every crash as SIGSEGV.
    static let crashes: [(bundle: String, signal: String)] = [
        ("fault-sigsegv", "SIGSEGV"),
        ("fault-sigill-swift", "SIGILL"),
        ("fault-sigbus-truncated", "SIGBUS"),
        ("fault-sigabrt", "SIGABRT"),
    ]

    /// Plugins in plain C that pass their probe (the call-time faults among them fail only when
    /// called: `GalleryCallTests`), and process plugins in Python.
    static let activeCPlugins = [
        "grid-greedy-c", "fault-abort-create", "fault-crash-plan", "fault-hang-plan", "fault-exit-plan",
        "fault-stdout-constructor", "grid-astar-py", "echo-py",
    ]

    /// Swift plugins that pass their probe; under the thread sanitizer they are instrumented.
    static let activeSwiftPlugins = ["grid-astar-swift", "blocks-world-swift"]

    /// Kept on purpose with an invalid manifest.
    static let invalidBundles = ["broken-manifest"]

    /// One `factory list --json` over the built examples with a fresh state folder, shared by the
    /// tests: it probes every plugin, and the hangs take the whole deadline.
    static let listing = Listing.run()

    @Test(arguments: loadFaults)
    func quarantinedForItsFault(bundle: String, reason: String) throws {
        let row = try Self.listing.row(bundle)
        #expect(row["status"] == "quarantined")
        #expect(row["reason"]?.stringValue?.contains(reason) == true, "\(row["reason"] ?? .null)")
    }

    @Test func theUndefinedSymbolIsNamed() throws {
        let row = try Self.listing.row("fault-undefined-symbol")
        #expect(row["reason"]?.stringValue?.contains("undefined symbol: route_cache_lookup") == true, "\(row["reason"] ?? .null)")
    }

    @Test(.disabled(if: Sanitizer.isThreadSanitizerActive, "crash outcomes are for the uninstrumented build"), arguments: crashes)
    func quarantinedForItsCrash(bundle: String, signal: String) throws {
        let row = try Self.listing.row(bundle)
        #expect(row["status"] == "quarantined")
        #expect(row["reason"]?.stringValue?.contains("crashed with \(signal) ") == true, "\(row["reason"] ?? .null)")
    }

    @Test(arguments: activeCPlugins)
    func aWorkingCPluginIsActive(bundle: String) throws {
        let row = try Self.listing.row(bundle)
        #expect(row["status"] == "active", "\(row["reason"] ?? .null)")
    }

    @Test(.disabled(if: Sanitizer.isThreadSanitizerActive, "an instrumented plugin cannot load into an uninstrumented probe"), arguments: activeSwiftPlugins)
    func aWorkingSwiftPluginIsActive(bundle: String) throws {
        let row = try Self.listing.row(bundle)
        #expect(row["status"] == "active", "\(row["reason"] ?? .null)")
    }

    @Test func everyBundleIsInTheGallery() throws {
        let listed = try Self.listing.bundles()
        let expected = Self.loadFaults.map(\.bundle) + Self.crashes.map(\.bundle) + Self.activeCPlugins + Self.activeSwiftPlugins + Self.invalidBundles
        #expect(listed == Set(expected), "a new example bundle needs its expectation here")
    }

    /// The forked child of fault-fork-constructor and the hung probes were killed: no probe process
    /// on a library of the listing's state folder or plugin folder lives on (a zombie waiting for
    /// its new parent to reap it counts as gone).
    @Test func noProbeProcessIsLeftBehind() throws {
        let listing = Self.listing
        _ = try listing.row("fault-fork-constructor")
        var left: [String] = []
        for _ in 0..<100 {
            left = LivingProcesses.matching {
                $0.contains("factory-probe") && ($0.contains(listing.stateFolder) || $0.contains(listing.pluginFolder + "/"))
            }
            if left.isEmpty { break }
            usleep(10_000)  // a SIGKILL is delivered asynchronously
        }
        #expect(left.isEmpty, "left running: \(left)")
    }

    /// The outcome of `factory list --json` on the gallery.
    struct Listing: Sendable {
        var pluginFolder: String
        var stateFolder: String
        var rows: [String: JSONValue] = [:]
        /// Why there are no rows (examples not built, the command failed).
        var problem: String?

        static func run() -> Listing {
            let pluginFolder = ExamplePlugins.folder
            let stateFolder = NSTemporaryDirectory() + "factory-gallery-" + UUID().uuidString
            var listing = Listing(pluginFolder: pluginFolder, stateFolder: stateFolder)
            defer { try? FileManager.default.removeItem(atPath: stateFolder) }
            let unbuilt = ["grid-greedy-c/libgrid_greedy.so", "fault-sigill-swift/libSwiftFatalErrorPlugin.so"]
                .filter { !FileManager.default.fileExists(atPath: pluginFolder + "/" + $0) }
            guard unbuilt.isEmpty else {
                listing.problem = "\(pluginFolder) lacks \(unbuilt): run scripts/build-examples first (scripts/test does)"
                return listing
            }
            do {
                try FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true)
                let result = try FactoryBinary.run(["list", "--json", "--plugin-path", pluginFolder], environment: ["FACTORY_STATE_DIR": stateFolder])
                guard result.status == 0 else {
                    listing.problem = "factory list exited \(result.status): \(result.standardError)"
                    return listing
                }
                for row in try result.json()["planners"]?.arrayValue ?? [] {
                    if let name = row["name"]?.stringValue { listing.rows[name] = row }
                }
            } catch {
                listing.problem = "factory list failed: \(error)"
            }
            return listing
        }

        func row(_ name: String) throws -> JSONValue {
            if let problem { throw GalleryError(description: problem) }
            guard let row = rows[name] else { throw GalleryError(description: "factory list has no row \(name); it listed \(rows.keys.sorted())") }
            return row
        }

        /// The names of the listed bundles (not builtins).
        func bundles() throws -> Set<String> {
            if let problem { throw GalleryError(description: problem) }
            return Set(rows.values.filter { $0["kind"] != "builtin" }.compactMap { $0["name"]?.stringValue })
        }
    }

    struct GalleryError: Error, CustomStringConvertible {
        var description: String
    }
}

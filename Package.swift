// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PlannerFactory",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PlannerFactory", targets: ["PlannerFactory"]),
        .library(name: "PlannerKit", targets: ["PlannerKit"]),
        .library(name: "ExamplePlanners", targets: ["ExamplePlanners"]),
        // The TUI without its terminal (for the benchmarks).
        .library(name: "FactoryTUI", targets: ["FactoryTUI"]),
        // PDDL domains and problems: parser, task features, sizes, plan validator (pure Swift).
        .library(name: "PDDL", targets: ["PDDL"]),
        .library(name: "NativePlanner", targets: ["NativePlanner"]),
        .executable(name: "factory", targets: ["factory"]),
        .executable(name: "factory-probe", targets: ["factory-probe"]),
        .executable(name: "factory-host", targets: ["factory-host"]),
        .executable(name: "factory-tui", targets: ["factory-tui"]),
        // An example application: selects and plans for a stream of objectives, publishing (examples/agent-service).
        .executable(name: "agent-service", targets: ["agent-service"]),
        // An example plugin: a Swift planner exported through the C ABI.
        .library(name: "SwiftGridPlugin", type: .dynamic, targets: ["SwiftGridPlugin"]),
        // The blocks-world planner exported the same way (examples/plugins/blocks-world-swift).
        .library(name: "SwiftBlocksPlugin", type: .dynamic, targets: ["SwiftBlocksPlugin"]),
        // A fault for the example gallery: `describe` calls fatalError (examples/plugins/fault-sigill-swift).
        .library(name: "SwiftFatalErrorPlugin", type: .dynamic, targets: ["SwiftFatalErrorPlugin"]),
        // The complete example of the PlannerKit article "Writing a Swift plugin" (validated by the tests).
        .library(name: "SwiftShuttlePlugin", type: .dynamic, targets: ["SwiftShuttlePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The factory's figures for metrics backends (nothing is reported unless one is bootstrapped).
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        // The metrics backend of the example application agent-service (only it uses it).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The plugin ABI: one C header, which plugin authors may also copy.
        .target(name: "PlannerPluginABI"),
        // The sandbox launcher of factory-probe and factory-host: outer → init of a PID namespace →
        // worker, so nothing a plugin starts outlives its worker (C).
        .target(name: "CLaunch"),
        // Loads one plugin library in a throwaway process and reports on one JSON line (C, no Foundation).
        // SwiftPM links it with swiftc, which would make every probe load the Swift runtime and
        // libstdc++ (~2 ms): -nostartfiles drops swiftrt.o, and scripts/ld-as-needed links with
        // --as-needed first, so only libc is needed.
        .executableTarget(
            name: "factory-probe", dependencies: ["PlannerPluginABI", "CLaunch"],
            linkerSettings: [
                .linkedLibrary("dl"),
                .unsafeFlags(["-nostartfiles", "-Xclang-linker", "--ld-path=\(Context.packageDirectory)/scripts/ld-as-needed"]),
            ]
        ),
        // Serves one dylib plugin over protocol v1, or runs a process plugin, in a sandboxed worker
        // (C, no Foundation; linked like factory-probe).
        .executableTarget(
            name: "factory-host", dependencies: ["PlannerPluginABI", "CLaunch"],
            linkerSettings: [
                .linkedLibrary("dl"),
                .linkedLibrary("pthread"),
                .unsafeFlags(["-nostartfiles", "-Xclang-linker", "--ld-path=\(Context.packageDirectory)/scripts/ld-as-needed"]),
            ]
        ),
        // The plugin-author library: data formats, JSON, the Planner protocol. No Foundation.
        .target(name: "PlannerKit", dependencies: ["PlannerPluginABI"]),
        // Runs a child in its own session with a deadline; the one C library the core uses.
        .target(name: "CSandbox"),
        // Unix-domain sockets, peer credentials and lock files of live publishing (C).
        .target(name: "CLive"),
        // The core: discovery, configuration, errors, ranking, telemetry, the factory.
        .target(
            name: "PlannerFactory",
            dependencies: [
                "PlannerKit", "PlannerPluginABI", "CSandbox", "CLive", "PDDL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // Planners that really plan, registered as builtins by the executables.
        .target(name: "ExamplePlanners", dependencies: ["PlannerKit"]),
        // PDDL domains and problems: parser, task features, sizes, plan validator. No Foundation.
        .target(name: "PDDL"),
        .target(name: "NativePlanner", dependencies: ["PDDL", "PlannerKit"]),
        .target(name: "SwiftGridPlugin", dependencies: ["PlannerKit", "ExamplePlanners"]),
        .target(name: "SwiftBlocksPlugin", dependencies: ["PlannerKit", "ExamplePlanners"]),
        .target(name: "SwiftFatalErrorPlugin", dependencies: ["PlannerKit"]),
        .target(name: "SwiftShuttlePlugin", dependencies: ["PlannerKit"]),
        // The `factory` command's commands, as a library so they can be tested.
        .target(
            name: "FactoryCLI",
            dependencies: [
                "PlannerFactory", "PlannerKit", "ExamplePlanners", "PDDL", "NativePlanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The `factory` process's heap: large growth steps and transparent huge pages (C).
        .target(name: "CProcessMemory"),
        // A release `factory` carries the Swift runtime (-static-stdlib): every command starts ~5 ms
        // sooner (no Swift libraries to load and bind), and the binary runs where no toolchain is.
        .executableTarget(
            name: "factory", dependencies: ["FactoryCLI", "CProcessMemory"],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
                // What the static FoundationEssentials (imported by ArgumentParser) needs besides.
                .linkedLibrary("_FoundationCollections", .when(configuration: .release)),
                .linkedLibrary("_FoundationCShims", .when(configuration: .release)),
            ]
        ),
        // ncurses (wide-character build) for the TUI's one backend file.
        .systemLibrary(name: "CNcurses"),
        // The TUI without a terminal: model, update, render into a grid of cells, the app loop.
        .target(
            name: "FactoryTUI",
            dependencies: [
                "PlannerFactory", "PlannerKit",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "factory-tui",
            dependencies: [
                "FactoryTUI", "FactoryCLI", "CNcurses", "PlannerFactory", "ExamplePlanners", "NativePlanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The example application: the library used as an application would, publishing live
        // events and writing its swift-metrics figures through swift-prometheus to a file.
        .executableTarget(
            name: "agent-service",
            dependencies: [
                "PlannerFactory", "PlannerKit", "ExamplePlanners", "NativePlanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "examples/agent-service"
        ),
        // Shared by the test targets: C fixtures, build products, sanitizer detection.
        .target(name: "PlannerTestSupport", path: "Tests/PlannerTestSupport"),
        .testTarget(name: "PlannerKitTests", dependencies: ["PlannerKit"]),
        .testTarget(name: "PDDLTests", dependencies: ["PDDL"]),
        .testTarget(name: "NativePlannerTests", dependencies: ["NativePlanner", "PDDL", "PlannerKit"]),
        .testTarget(name: "PlannerFactoryTests", dependencies: [
            "PlannerFactory", "PlannerKit", "ExamplePlanners", "PlannerTestSupport", "PDDL", "NativePlanner",
            .product(name: "MetricsTestKit", package: "swift-metrics"),
        ]),
        .testTarget(name: "ExamplePlannersTests", dependencies: ["ExamplePlanners", "PlannerKit", "PlannerTestSupport"]),
        .testTarget(name: "FactoryTUITests", dependencies: ["FactoryTUI", "PlannerFactory", "PlannerKit", "ExamplePlanners", "PlannerTestSupport"], exclude: ["Snapshots"]),
        // Runs the built `factory` and `agent-service` binaries (`swift test` builds every product first).
        .testTarget(
            name: "FactoryEndToEndTests",
            dependencies: ["PlannerKit", "PlannerPluginABI", "PlannerTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

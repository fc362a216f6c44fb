// swift-tools-version: 6.1
import PackageDescription

// The benchmarks of PlannerFactory, apart from the main package so its build stays light.
// Run them with `scripts/benchmark` from the repository root (release build).
let package = Package(
    name: "PlannerFactoryBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "PlannerFactory", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The C side: the syscall, spawn and dlopen floors, and running a child with its output captured.
        .target(name: "BenchmarkShims", linkerSettings: [.linkedLibrary("dl")]),
        // A tiny C helper that runs a program and prints its peak RSS (see its main.c for why).
        .executableTarget(name: "peak-rss"),
        // The whole-process floor of `factory rank --no-probe`: list the folder, read every manifest (C).
        .executableTarget(name: "floor-scan", dependencies: ["BenchmarkShims"]),
        .executableTarget(
            name: "PlannerBenchmarks",
            dependencies: [
                "BenchmarkShims",
                .product(name: "PlannerFactory", package: "PlannerFactory"),
                .product(name: "PlannerKit", package: "PlannerFactory"),
                .product(name: "FactoryTUI", package: "PlannerFactory"),
                .product(name: "PDDL", package: "PlannerFactory"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

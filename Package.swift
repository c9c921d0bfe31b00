// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sesim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sesim", targets: ["sesim"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "SESTemplates", targets: ["SESTemplates"]),
        .library(name: "SESEvents", targets: ["SESEvents"]),
        .library(name: "SESModel", targets: ["SESModel"]),
        .library(name: "SimJSON", targets: ["SimJSON"]),
        .library(name: "ScenarioFormat", targets: ["ScenarioFormat"]),
        .library(name: "SESSimulation", targets: ["SESSimulation"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "Sweeps", targets: ["Sweeps"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The model, bottom up: virtual time and randomness; templates; event
        // records and their publishing; the account and its delivery pipeline.
        .target(name: "SimCore"),
        .target(name: "SESTemplates"),
        // SSE2 kernel for JSON string escaping: Swift 6.3 has no vector move-mask.
        .target(name: "CJSONEscaping"),
        .target(
            name: "SESEvents",
            dependencies: [
                "SimCore", "CJSONEscaping",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SESModel",
            dependencies: [
                "SimCore", "SESEvents", "SESTemplates",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // JSON values with stable bytes: summaries, sweep files, request bodies.
        .target(name: "SimJSON"),
        // The scenario file: its definition, loading and checks.
        .target(
            name: "ScenarioFormat",
            dependencies: [
                "SimCore", "SESEvents", "SESTemplates", "SESModel", "SimJSON",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The engine: a scenario's account and clients, stepped and called from outside.
        .target(
            name: "SESSimulation",
            dependencies: ["SimCore", "SESEvents", "SESTemplates", "SESModel", "SimJSON", "ScenarioFormat"]
        ),
        // `sesim run` on the engine: the outputs and the summary table.
        // report.html: one self-contained page drawn from a finished run.
        .target(
            name: "Report",
            dependencies: ["SimCore", "SESModel", "SimJSON", "ScenarioFormat", "SESSimulation"]
        ),
        .target(
            name: "Runner",
            dependencies: [
                "SimCore", "SESEvents", "SESModel", "SimJSON", "ScenarioFormat", "SESSimulation", "Report",
            ]
        ),
        .target(
            name: "Sweeps",
            dependencies: ["SimCore", "SimJSON", "ScenarioFormat", "SESSimulation", "Runner"]
        ),
        // Fixtures for the tests of the modules above: scenarios written inline, loaded and run.
        .target(
            name: "ScenarioTesting",
            dependencies: ["SimJSON", "ScenarioFormat", "SESSimulation", "Runner"]
        ),
        .executableTarget(
            name: "sesim",
            dependencies: [
                "SimCore", "SESTemplates", "ScenarioFormat", "SESSimulation", "Runner", "Sweeps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SESTemplatesTests", dependencies: ["SESTemplates", "SimCore"]),
        .testTarget(name: "CJSONEscapingTests", dependencies: ["CJSONEscaping"]),
        .testTarget(name: "SESEventsTests", dependencies: ["SESEvents"]),
        .testTarget(name: "SESModelTests", dependencies: ["SESModel", "SESTemplates"]),
        .testTarget(name: "SimJSONTests", dependencies: ["SimJSON"]),
        .testTarget(
            name: "ScenarioFormatTests",
            dependencies: [
                "ScenarioFormat", "SimJSON", "ScenarioTesting", .product(name: "Yams", package: "Yams"),
            ]),
        .testTarget(
            name: "SESSimulationTests",
            dependencies: [
                "SESSimulation", "ScenarioFormat", "SimJSON", "ScenarioTesting", "SimCore", "SESModel",
            ]),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "SESSimulation", "ScenarioFormat", "SimJSON", "ScenarioTesting"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "SESSimulation", "ScenarioFormat", "SimJSON", "ScenarioTesting"]),
        .testTarget(
            name: "SweepsTests",
            dependencies: ["Sweeps", "Runner", "ScenarioFormat", "SimJSON", "ScenarioTesting"]),
        .testTarget(
            name: "sesimTests",
            dependencies: [
                "sesim", "Runner", "ScenarioFormat", "Sweeps", .product(name: "Yams", package: "Yams"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

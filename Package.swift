// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "sesim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sesim", targets: ["sesim"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "SESTemplates", targets: ["SESTemplates"]),
        .library(name: "SESEvents", targets: ["SESEvents"]),
        .library(name: "MIME", targets: ["MIME"]),
        .library(name: "SESModel", targets: ["SESModel"]),
        .library(name: "SimJSON", targets: ["SimJSON"]),
        .library(name: "SESProtocolV1", targets: ["SESProtocolV1"]),
        .library(name: "ScenarioFormat", targets: ["ScenarioFormat"]),
        .library(name: "SESSimulation", targets: ["SESSimulation"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "Sweeps", targets: ["Sweeps"]),
        .library(name: "SESServer", targets: ["SESServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The model, bottom up: virtual time and randomness; templates; event
        // records and their publishing; the account and its delivery pipeline.
        .target(name: "SimCore"),
        .target(name: "SESTemplates"),
        // RFC 5322 and MIME reading (headers, encoded words, addresses,
        // multipart, transfer encodings), for raw messages. Depends on nothing.
        .target(name: "MIME"),
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
                "SimCore", "SESEvents", "SESTemplates", "MIME",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // JSON values with stable bytes: summaries, sweep files, request bodies.
        .target(name: "SimJSON"),
        // SES API v1's operations, protocol-neutral: boto3-style parameters decoded
        // into the model's requests, answers encoded in v1's output shapes, v1 errors.
        .target(
            name: "SESProtocolV1",
            dependencies: ["SimCore", "SESEvents", "SESTemplates", "SESModel", "SimJSON"]
        ),
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
            dependencies: [
                "SimCore", "SESEvents", "SESTemplates", "SESModel", "SimJSON", "ScenarioFormat", "MIME",
            ]
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
        // `sesim serve`: SES's wire protocols over HTTP (Hummingbird) in front of
        // one engine; translates requests into engine calls and holds no SES rules.
        .target(
            name: "SESServer",
            dependencies: [
                "SimCore", "SESEvents", "SESTemplates", "SESModel", "SimJSON", "ScenarioFormat", "SESSimulation",
                "Runner", "SESProtocolV1",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Fixtures for the tests of the modules above: scenarios written inline, loaded and run.
        .target(
            name: "ScenarioTesting",
            dependencies: ["SimJSON", "ScenarioFormat", "SESSimulation", "Runner"]
        ),
        .executableTarget(
            name: "sesim",
            dependencies: [
                "SimCore", "SESTemplates", "ScenarioFormat", "SESSimulation", "Runner", "Sweeps", "SESServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SESTemplatesTests", dependencies: ["SESTemplates", "SimCore"]),
        .testTarget(name: "CJSONEscapingTests", dependencies: ["CJSONEscaping"]),
        .testTarget(name: "SESEventsTests", dependencies: ["SESEvents"]),
        .testTarget(name: "MIMETests", dependencies: ["MIME"], exclude: ["Fixtures"]),
        .testTarget(name: "SESModelTests", dependencies: ["SESModel", "SESTemplates", "MIME"]),
        .testTarget(name: "SimJSONTests", dependencies: ["SimJSON"]),
        .testTarget(
            name: "SESProtocolV1Tests",
            dependencies: ["SESProtocolV1", "SESModel", "SESEvents", "SESTemplates", "SimJSON", "SimCore"]),
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
            name: "SESServerTests",
            dependencies: [
                "SESServer", "SESSimulation", "ScenarioFormat", "SimJSON", "SESModel", "SESEvents", "SimCore",
                "SESTemplates", "ScenarioTesting", "SESProtocolV1",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "sesimTests",
            dependencies: [
                "sesim", "Runner", "ScenarioFormat", "Sweeps", .product(name: "Yams", package: "Yams"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

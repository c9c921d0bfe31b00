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
        .library(name: "Scenarios", targets: ["Scenarios"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
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
        .target(
            name: "Scenarios",
            dependencies: [
                "SimCore", "SESEvents", "SESTemplates", "SESModel", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "sesim",
            dependencies: [
                "SimCore",
                "SESTemplates",
                "Scenarios",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SESTemplatesTests", dependencies: ["SESTemplates", "SimCore"]),
        .testTarget(name: "CJSONEscapingTests", dependencies: ["CJSONEscaping"]),
        .testTarget(name: "SESEventsTests", dependencies: ["SESEvents"]),
        .testTarget(name: "SESModelTests", dependencies: ["SESModel", "SESTemplates"]),
        .testTarget(
            name: "ScenariosTests", dependencies: ["Scenarios", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "sesimTests", dependencies: ["sesim", "Scenarios"]),
    ],
    swiftLanguageModes: [.v6]
)

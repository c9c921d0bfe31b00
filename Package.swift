// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sesim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sesim", targets: ["sesim"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "SESEvents", targets: ["SESEvents"]),
        .library(name: "SESTemplates", targets: ["SESTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "SimCore"),
        .target(name: "SESEvents", dependencies: ["SimCore"]),
        .target(name: "SESTemplates"),
        .executableTarget(
            name: "sesim",
            dependencies: [
                "SimCore",
                "SESTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SESEventsTests", dependencies: ["SESEvents"]),
        .testTarget(name: "SESTemplatesTests", dependencies: ["SESTemplates", "SimCore"]),
        .testTarget(name: "sesimTests", dependencies: ["sesim"]),
    ],
    swiftLanguageModes: [.v6]
)

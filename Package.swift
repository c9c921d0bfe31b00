// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sesim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sesim", targets: ["sesim"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "SESEvents", targets: ["SESEvents"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "SimCore"),
        .target(
            name: "SESEvents",
            dependencies: [
                "SimCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "sesim",
            dependencies: [
                "SimCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SESEventsTests", dependencies: ["SESEvents"]),
        .testTarget(name: "sesimTests", dependencies: ["sesim"]),
    ],
    swiftLanguageModes: [.v6]
)

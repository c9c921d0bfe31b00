// swift-tools-version: 6.2
import PackageDescription

// The benchmarks are a package of their own, depending on sesim by path, so
// that building or testing sesim never builds the benchmark tooling.
// Run them with `swift package benchmark` from this folder.
let package = Package(
    name: "sesim-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sesim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SimulationCore",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SimCore", package: "sesim"),
            ],
            path: "SimulationCore",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TemplateRendering",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SESTemplates", package: "sesim"),
            ],
            path: "TemplateRendering",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EventFanOut",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SESEvents", package: "sesim"),
                .product(name: "SimCore", package: "sesim"),
            ],
            path: "EventFanOut",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RawMessages",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MIME", package: "sesim"),
                .product(name: "SESModel", package: "sesim"),
                .product(name: "SimCore", package: "sesim"),
            ],
            path: "RawMessages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The side-by-side comparison with SimPy, pybars3 and Jinja2: a plain
        // executable (no Benchmark plugin), run by peers/run.sh.
        .executableTarget(
            name: "Peers",
            dependencies: [
                .product(name: "SESTemplates", package: "sesim"),
                .product(name: "SimCore", package: "sesim"),
            ],
            path: "peers/Swift"
        ),
        .executableTarget(
            name: "EndToEnd",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Runner", package: "sesim"),
                .product(name: "SESSimulation", package: "sesim"),
                .product(name: "ScenarioFormat", package: "sesim"),
                .product(name: "SimJSON", package: "sesim"),
            ],
            path: "EndToEnd",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        .library(name: "QuorumCore", targets: ["QuorumCore"]),
        .library(name: "QuorumStore", targets: ["QuorumStore"]),
        .library(name: "QuorumEngine", targets: ["QuorumEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "QuorumCore"),
        .target(
            name: "QuorumStore",
            dependencies: ["QuorumCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "QuorumEngine",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "QuorumTUI",
            dependencies: [
                "CNcurses", "QuorumCore", "QuorumStore", "QuorumEngine",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumCore",
                "QuorumStore",
                "QuorumEngine",
                "QuorumTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "QuorumCoreTests", dependencies: ["QuorumCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "QuorumStoreTests", dependencies: ["QuorumStore", "QuorumCore"]),
        // The loopback OpenAI-compatible test server (scripts/fake-llm) as a child process.
        .target(
            name: "QuorumTestSupport",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Tests/QuorumTestSupport"
        ),
        .testTarget(
            name: "QuorumEngineTests", dependencies: ["QuorumEngine", "QuorumStore", "QuorumCore", "QuorumTestSupport"]),
        .testTarget(
            name: "QuorumTUITests",
            dependencies: ["QuorumTUI", "QuorumStore", "QuorumCore", "QuorumEngine", "QuorumTestSupport"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

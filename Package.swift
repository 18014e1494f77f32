// swift-tools-version: 6.1
import PackageDescription

// The module picture (docs/ARCHITECTURE.md): data flows one way, from the engine through the
// store to the workbench; `scripts/check-imports.sh` checks that the imports keep to it.
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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure text algorithms: tokenizer, stemmer, Rouge-L, consensus, novelty, statistics.
        .target(name: "QuorumCore"),
        // JSON values, parser and writer; JSON Lines in and out.
        .target(name: "QuorumJSON"),
        // The curation store: SQLite through GRDB, the decision log, import and export.
        .target(
            name: "QuorumStore",
            dependencies: [
                "QuorumCore", "QuorumJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The team backend: the same store on PostgreSQL through postgres-nio, leases, copies.
        .target(
            name: "QuorumStorePostgres",
            dependencies: [
                "QuorumCore", "QuorumJSON", "QuorumStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The Ensemble-Instruct pipeline, its LM clients and the embedded engine.
        .target(
            name: "QuorumEngine",
            dependencies: [
                "QuorumCore", "QuorumJSON", "QuorumStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The workbench: state, reducer, renderer, keys; the terminal behind a protocol.
        .target(
            name: "QuorumTUI",
            dependencies: ["CNcurses", "QuorumCore", "QuorumStore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The workbench's runtime: effects against the store, the pager, the engine inside
        // the workbench, spot-check sessions, headless progress.
        .target(name: "QuorumSession", dependencies: ["QuorumCore", "QuorumStore", "QuorumStorePostgres", "QuorumEngine", "QuorumTUI"]),
        // What every command shares: exit statuses, messages, store options.
        .target(
            name: "QuorumCommandLine",
            dependencies: [
                "QuorumCore", "QuorumStore", "QuorumSession", "QuorumJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `quorum bench …`: the project measured beside its references.
        .target(
            name: "QuorumBench",
            dependencies: [
                "QuorumCore", "QuorumJSON", "QuorumStore", "QuorumEngine", "QuorumTUI", "QuorumSession",
                "QuorumCommandLine", "QuorumStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Argument parsing and wiring only.
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumCore", "QuorumJSON", "QuorumStore", "QuorumEngine", "QuorumTUI", "QuorumSession",
                "QuorumCommandLine", "QuorumBench", "QuorumStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared by the test targets: the fake LM server, the built binary, tmux.
        .target(
            name: "QuorumTestSupport",
            dependencies: ["QuorumTUI", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Tests/QuorumTestSupport"
        ),
        .testTarget(name: "QuorumCoreTests", dependencies: ["QuorumCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "QuorumJSONTests", dependencies: ["QuorumJSON"]),
        .testTarget(
            name: "QuorumStoreTests",
            dependencies: ["QuorumStore", "QuorumCore", "QuorumJSON", "QuorumBench", "QuorumTestSupport"]),
        .testTarget(
            name: "QuorumStorePostgresTests",
            dependencies: [
                "QuorumStorePostgres", "QuorumStore", "QuorumCore", "QuorumJSON", "QuorumSession", "QuorumTUI",
                "QuorumTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "QuorumEngineTests",
            dependencies: ["QuorumEngine", "QuorumStore", "QuorumCore", "QuorumJSON", "QuorumTestSupport"]),
        .testTarget(
            name: "QuorumTUITests",
            dependencies: ["QuorumTUI", "QuorumStore", "QuorumCore", "QuorumTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "QuorumSessionTests",
            dependencies: ["QuorumSession", "QuorumTUI", "QuorumStore", "QuorumEngine", "QuorumCore", "QuorumTestSupport"]
        ),
        .testTarget(
            name: "QuorumCLITests",
            dependencies: [
                "QuorumStore", "QuorumCore", "QuorumJSON", "QuorumEngine", "QuorumTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

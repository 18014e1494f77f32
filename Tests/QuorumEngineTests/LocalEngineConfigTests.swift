import XCTest
@testable import QuorumEngine

/// The `[engine]` keys for the embedded engine, and where its data directory is.
final class LocalEngineConfigTests: XCTestCase {
    private func engine(_ table: String) throws(QuorumConfigError) -> EngineSettings {
        try ConfigText.parse("[engine]\nkind = \"local\"\n" + table + "\n" + ConfigText.twoMembers).engine
    }

    func testDefaults() throws {
        let settings = try engine("")
        XCTAssertEqual(settings, EngineSettings(kind: .local))
        XCTAssertNil(settings.dataDirectory)
        XCTAssertEqual(settings.port, .auto)
        XCTAssertEqual(settings.contextSize, 4096)
        XCTAssertNil(settings.threads)
        XCTAssertNil(settings.modelPath)
    }

    func testEveryKeyIsRead() throws {
        let settings = try engine(
            """
            data_dir = "engine-data"
            port = 8931
            context_size = 8192
            threads = 3
            model = "~/models/other.gguf"
            """)
        XCTAssertEqual(settings.dataDirectory, "/project/engine-data")
        XCTAssertEqual(settings.port, .fixed(8931))
        XCTAssertEqual(settings.contextSize, 8192)
        XCTAssertEqual(settings.threads, 3)
        XCTAssertEqual(settings.modelPath, "/home/ana/models/other.gguf")
        XCTAssertEqual(try engine("port = \"auto\"").port, .auto)
        XCTAssertEqual(try engine("data_dir = \"/srv/quorum\"").dataDirectory, "/srv/quorum")
    }

    func testWrongValuesNameTheKey() {
        let base = "[engine]\nkind = \"local\"\n"
        func message(_ line: String) -> String { ConfigText.message(base + line + "\n" + ConfigText.twoMembers) }
        XCTAssertEqual(
            message("port = \"any\""),
            "quorum.toml:3: engine.port: expected \"auto\" or a port number from 1 to 65535, found \"any\"")
        XCTAssertEqual(
            message("port = 70000"),
            "quorum.toml:3: engine.port: expected \"auto\" or a port number from 1 to 65535, found 70000")
        XCTAssertEqual(
            message("port = 1.5"), "quorum.toml:3: engine.port: expected \"auto\" or a port number from 1 to 65535")
        XCTAssertEqual(message("context_size = 16"), "quorum.toml:3: engine.context_size: must be at least 256, found 16")
        XCTAssertEqual(message("threads = 0"), "quorum.toml:3: engine.threads: must be at least 1, found 0")
        XCTAssertEqual(message("data_dir = \"\""), "quorum.toml:3: engine.data_dir: must not be empty")
        XCTAssertEqual(message("data_dir = 3"), "quorum.toml:3: engine.data_dir: expected a string, found an integer")
        XCTAssertTrue(message("datadir = \"x\"").contains("did you mean \"data_dir\"?"))
    }

    func testTheDataDirectoryFollowsTheConfigurationThenXDGThenHome() throws {
        let configured = EngineSettings(kind: .local, dataDirectory: "/srv/q/../quorum")
        XCTAssertEqual(try EngineDataDirectory.resolve(configured, environment: ["HOME": "/home/ana"]).root, "/srv/quorum")
        let xdg = try EngineDataDirectory.resolve(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"])
        XCTAssertEqual(xdg.root, "/data/quorum")
        // The XDG spec: a relative XDG_DATA_HOME is invalid and ignored.
        let relative = try EngineDataDirectory.resolve(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ana"])
        XCTAssertEqual(relative.root, "/home/ana/.local/share/quorum")
        XCTAssertThrowsError(try EngineDataDirectory.resolve(environment: [:])) { error in
            XCTAssertEqual(error as? LocalEngineError, .noDataDirectory)
        }
    }

    func testTheDataDirectoryLayout() {
        let directory = EngineDataDirectory(root: "/d/")
        XCTAssertEqual(directory.python, "/d/venv/bin/python")
        XCTAssertEqual(directory.llamaServer, "/d/bin/llama-server")
        XCTAssertEqual(directory.sourceArchive, "/d/src/llama_cpp_python-0.3.36.tar.gz")
        XCTAssertEqual(directory.llamaCppSource, "/d/src/llama.cpp-0.3.36")
        XCTAssertEqual(directory.buildFolder, "/d/build/llama.cpp")
        XCTAssertEqual(directory.model, "/d/models/gemma-3-270m-q4_k_m.gguf")
        XCTAssertEqual(directory.installStamp, "/d/install.json")
        XCTAssertEqual(directory.serverLog, "/d/logs/server.log")
        XCTAssertEqual(directory.state, "/d/run/server.json")
        XCTAssertEqual(directory.leases, "/d/run/leases")
    }
}

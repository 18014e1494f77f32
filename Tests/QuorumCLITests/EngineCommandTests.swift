import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest

/// `quorum engine …` run as the real binary, without the real engine: an empty data directory.
final class EngineCommandTests: CLITestCase {
    private var dataDirectory: String { path("engine-data") }

    func testStatusOfAnEmptyDataDirectory() throws {
        let result = try QuorumBinary.run(["engine", "status", "--data-dir", dataDirectory], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("data directory:   \(dataDirectory)\n"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("installed:        no; run `quorum engine install`"))
        XCTAssertTrue(result.standardOutput.contains("server:           not running"))
    }

    func testTheDataDirectoryComesFromXDGDataHome() throws {
        let result = try QuorumBinary.run(
            ["engine", "status"], in: folder, environment: ["XDG_DATA_HOME": path("xdg")])
        XCTAssertTrue(result.standardOutput.contains("data directory:   \(path("xdg"))/quorum\n"), result.standardOutput)
    }

    func testTheDataDirectoryComesFromTheConfiguration() throws {
        XCTAssertEqual(try QuorumBinary.run(["init"], in: folder).status, 0)
        let config = try String(contentsOfFile: path("quorum.toml"), encoding: .utf8)
            .replacingOccurrences(of: "kind = \"local\"\n", with: "kind = \"local\"\ndata_dir = \"engine-here\"\n")
        _ = try write(config, to: "quorum.toml")
        let result = try QuorumBinary.run(["engine", "status"], in: folder)
        XCTAssertTrue(result.standardOutput.contains("data directory:   \(path("engine-here"))\n"), result.standardOutput)
    }

    func testInstallNamesWhatIsMissingAndTheDebianPackages() throws {
        let result = try QuorumBinary.run(
            ["engine", "install", "--data-dir", dataDirectory], in: folder,
            environment: ["PATH": path("empty-path"), "QUORUM_PYTHON": "python3"])
        XCTAssertEqual(result.status, 69, result.standardError)
        XCTAssertTrue(result.standardError.contains("the engine cannot be built; missing:"), result.standardError)
        XCTAssertTrue(result.standardError.contains("  - python3 (Python 3.10 or later)"), result.standardError)
        XCTAssertTrue(result.standardError.contains("  - a C compiler: install GCC"), result.standardError)
        XCTAssertTrue(result.standardError.contains("  - a C++ compiler: install G++"), result.standardError)
        XCTAssertTrue(result.standardError.contains("  - make: install make"), result.standardError)
        XCTAssertTrue(
            result.standardError.contains("on Debian or Ubuntu: sudo apt-get install python3 build-essential"),
            result.standardError)
    }

    func testStartWithoutAnInstallSaysHowToInstall() throws {
        let result = try QuorumBinary.run(["engine", "start", "--data-dir", dataDirectory], in: folder)
        XCTAssertEqual(result.status, 69)
        XCTAssertTrue(result.standardError.contains("the embedded engine is not installed in \(dataDirectory)"))
        XCTAssertTrue(result.standardError.contains("run `quorum engine install`"), result.standardError)
    }

    func testGenerateWithoutAnInstallSaysHowToInstall() throws {
        XCTAssertEqual(try QuorumBinary.run(["init"], in: folder).status, 0)
        let result = try QuorumBinary.run(
            ["generate", "--count", "1"], in: folder, environment: ["XDG_DATA_HOME": path("xdg")])
        XCTAssertEqual(result.status, 69, result.standardError)
        XCTAssertTrue(result.standardError.contains("run `quorum engine install`"), result.standardError)
    }

    func testStopWithNothingRunning() throws {
        let result = try QuorumBinary.run(["engine", "stop", "--data-dir", dataDirectory], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardError, "quorum: no engine is running (\(dataDirectory))\n")
    }

    func testTheLocalEngineBenchNeedsAnInstallAndKnownServers() throws {
        let repository = FakeServerProcess.repositoryRoot.path
        let unknown = try QuorumBinary.run(
            ["bench", "engine", "--local", "--servers", "llama-server,vllm", "--repository", repository], in: folder)
        XCTAssertEqual(unknown.status, 64, unknown.standardError)
        XCTAssertTrue(unknown.standardError.contains("unknown server \"vllm\""), unknown.standardError)
        let empty = try QuorumBinary.run(
            ["bench", "engine", "--local", "--data-dir", dataDirectory, "--repository", repository], in: folder)
        XCTAssertEqual(empty.status, 69, empty.standardError)
        XCTAssertTrue(
            empty.standardError.contains("the embedded engine is not installed in \(dataDirectory)"), empty.standardError)
    }
}

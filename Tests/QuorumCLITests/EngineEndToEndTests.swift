import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest

/// The real embedded engine end to end, with the real binary and the real model: install
/// (an existing install is reused), start, generate through all four stages with the default
/// ensemble, stop, and the store holds the items. Minutes long; `scripts/test.sh` installs the
/// engine first, so CI runs it.
///
/// The install in the default data directory is reused through symbolic links (server, venv,
/// models, stamp) in a data directory of the test's own, named by `data_dir` in the work folder's
/// quorum.toml: its server state, leases and log are private, so a test run never stops a
/// server that another Quorum process on the machine is using.
final class EngineEndToEndTests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let status = try QuorumBinary.run(["engine", "status"], in: folder)
        guard status.standardOutput.contains("installed:        llama-server"),
            let root = status.standardOutput.split(separator: "\n").first?.split(separator: " ").last
        else {
            let message = "the embedded engine is not installed; `quorum engine install` (scripts/test.sh does it)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(message) }
            throw XCTSkip(message)
        }
        let engine = folder.appendingPathComponent("engine")
        try FileManager.default.createDirectory(at: engine, withIntermediateDirectories: true)
        for name in ["bin", "venv", "models", "install.json"] {
            try FileManager.default.createSymbolicLink(
                atPath: engine.appendingPathComponent(name).path, withDestinationPath: "\(root)/\(name)")
        }
        XCTAssertEqual(try QuorumBinary.run(["init", "work"], in: folder).status, 0)
        let config = try String(contentsOfFile: path("work/quorum.toml"), encoding: .utf8)
            .replacingOccurrences(of: "kind = \"local\"\n", with: "kind = \"local\"\ndata_dir = \"../engine\"\n")
        _ = try write(config, to: "work/quorum.toml")
        let own = try QuorumBinary.run(["engine", "status"], in: work).standardOutput
        XCTAssertTrue(own.contains("data directory:   \(engine.path)\n"), own)
    }

    override func tearDownWithError() throws {
        _ = try? QuorumBinary.run(["engine", "stop"], in: folder)
        try super.tearDownWithError()
    }

    private var work: URL { folder.appendingPathComponent("work") }

    func testInstallStartGenerateBothTypesStopAndCheckTheStore() async throws {
        let install = try QuorumBinary.run(["engine", "install"], in: work)
        XCTAssertEqual(install.status, 0, install.standardError)
        XCTAssertTrue(install.standardError.contains("the engine is already installed in"), install.standardError)

        let start = try QuorumBinary.run(["engine", "start"], in: work)
        XCTAssertEqual(start.status, 0, start.standardError)
        let baseURL = start.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(baseURL.hasPrefix("http://127.0.0.1:") && baseURL.hasSuffix("/v1"), baseURL)
        let running = try QuorumBinary.run(["engine", "status"], in: work).standardOutput
        XCTAssertTrue(running.contains("server:           running at \(baseURL)"), running)
        XCTAssertTrue(running.contains("kept running by:  `quorum engine start`"), running)

        for type in ["A", "B"] {
            let started = Date()
            let generate = try QuorumBinary.run(["generate", "--count", "3", "--type", type], in: work)
            XCTAssertEqual(generate.status, 0, generate.standardError)
            XCTAssertTrue(
                generate.standardError.contains("using the local engine already running at \(baseURL)"),
                generate.standardError)
            print("generated 3 items of type \(type) in \(Int(Date().timeIntervalSince(started))) s")
        }
        XCTAssertTrue(
            try QuorumBinary.run(["engine", "status"], in: work).standardOutput.contains("server:           running"),
            "generate leaves a server it did not start running")

        let stop = try QuorumBinary.run(["engine", "stop"], in: work)
        XCTAssertEqual(stop.status, 0, stop.standardError)
        XCTAssertTrue(stop.standardError.contains("stopped the engine on port"), stop.standardError)
        XCTAssertTrue(
            try QuorumBinary.run(["engine", "status"], in: work).standardOutput.contains("server:           not running"))

        let store = try Store.open(at: work.appendingPathComponent("quorum.sqlite").path, access: .read)
        let items = try await store.items(withStatus: ItemStatus.allCases, limit: 1000)
        for type in [ItemType.a, .b] {
            let ofType = items.filter { $0.item.type == type }
            XCTAssertGreaterThanOrEqual(ofType.count, 3, "items of type \(type.rawValue)")
            for detail in ofType {
                XCTAssertFalse(detail.item.instruction.isEmpty)
                XCTAssertEqual(type == .a, !detail.item.input.isEmpty, "type A has an input, type B none")
                XCTAssertEqual(
                    detail.candidates.map(\.member), ["generator", "zero-shot-greedy", "few-shot-greedy"],
                    "stage 3: every member's output")
                XCTAssertTrue(detail.candidates.allSatisfy { $0.error == nil }, "\(detail.candidates.map(\.error))")
                let set = detail.candidateSet
                XCTAssertTrue(
                    set.consensusChoice != nil || set.consensusDiscard != nil, "stage 4: a consensus, or why there is none")
                XCTAssertEqual(set.consensusMatrix?.count, 3)
            }
        }
        try store.close()
    }

    func testGenerateStartsTheEngineOnDemandAndStopsItOnExit() throws {
        let generate = try QuorumBinary.run(["generate", "--count", "1", "--type", "B"], in: work)
        XCTAssertEqual(generate.status, 0, generate.standardError)
        XCTAssertTrue(generate.standardError.contains("starting the local engine"), generate.standardError)
        let status = try QuorumBinary.run(["engine", "status"], in: work).standardOutput
        XCTAssertTrue(status.contains("server:           not running"), status)
        let log = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("log:") }?.split(separator: " ").last)
        let text = try String(contentsOfFile: String(log), encoding: .utf8)
        XCTAssertTrue(text.contains("stopping the server: no Quorum process uses the server any more"), text)
    }

    func testKillingGenerateWithSignalNineLeavesNoServer() throws {
        let process = Process()
        process.executableURL = try QuorumBinary.locate()
        process.arguments = ["generate", "--count", "50"]
        process.currentDirectoryURL = work
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var pids: [Int32] = []
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let status = try QuorumBinary.run(["engine", "status"], in: work).standardOutput
            if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("pid:") }), !line.contains("starting") {
                // "pid:              1234 (supervisor 1200)"
                pids = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }
                break
            }
            usleep(200_000)
        }
        XCTAssertEqual(pids.count, 2, "the server and its supervisor are running")
        usleep(1_000_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = Date().addingTimeInterval(15)
        while pids.contains(where: { FileManager.default.fileExists(atPath: "/proc/\($0)") }) && Date() < gone {
            usleep(100_000)
        }
        for pid in pids {
            XCTAssertFalse(FileManager.default.fileExists(atPath: "/proc/\(pid)"), "process \(pid) outlived Quorum")
        }
        XCTAssertTrue(
            try QuorumBinary.run(["engine", "status"], in: work).standardOutput.contains("server:           not running"))
    }
}

import Foundation
import GRDB
import QuorumStore
import QuorumTestSupport
import XCTest

/// The real `quorum spot-check` in a tmux pane: verdicts are decisions in the store, the
/// session is saved as a run, the report is printed once the terminal is back.
final class SpotCheckEndToEndTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-spot-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var storePath: String { folder.appendingPathComponent("quorum.sqlite").path }

    /// Six imported items (imported consensus choices are decisions made without a human),
    /// types A and B in turn.
    private func importSix() async throws {
        let lines = (0..<6).map { index in
            let input = index % 2 == 0 ? "some input \(index)" : ""
            return #"{"instruction": "Task number \#(index).", "input": "\#(input)", "candidates": ["same \#(index)", "same \#(index)", "other"], "members": ["m0", "m1", "m2"]}"#
        }
        let file = folder.appendingPathComponent("items.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        _ = try await store.importJSONL(from: .file(path: file.path))
        try store.close()
    }

    func testASessionRecordsVerdictsSavesTheRunAndPrintsTheReport() async throws {
        try await importSix()
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' spot-check "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)' --sample 4 --stratify type --seed 3 --target 0.5"
        let tmux = try TmuxSession(folder: folder, width: 100, height: 30, command: command)
        try tmux.waitForScreen(containing: "Sample · all items")
        try tmux.waitForScreen(containing: "Spot-check · by type")
        try tmux.waitForScreen(containing: "judged 0/4")
        try tmux.sendKeys("y")
        try tmux.waitForScreen(containing: "judged 1/4 · error 0.0%")
        try tmux.sendKeys("y")
        try tmux.waitForScreen(containing: "judged 2/4 · error 0.0%")
        try tmux.sendKeys("n")
        try tmux.waitForScreen(containing: "Wrong: why is #")
        try tmux.sendKeys("-l", "made up")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "judged 3/4 · error 33.3%")
        try tmux.sendKeys("u")
        try tmux.waitForScreen(containing: "judged 2/4 · error 0.0%")
        try tmux.sendKeys("n")
        try tmux.waitForScreen(containing: "Wrong: why is #")
        try tmux.sendKeys("-l", "off topic")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "judged 3/4 · error 33.3%")
        try tmux.sendKeys("q")
        let exit = try tmux.waitForExit()
        XCTAssertEqual(exit.status, 0)
        XCTAssertEqual(exit.tty, "icanon echo", "the terminal is restored before the report is printed")
        let screen = try tmux.screen()
        XCTAssertTrue(screen.contains("4 of 6 decisions made without a human, by type, seed 3"), screen)
        XCTAssertTrue(screen.contains("target 50.0%: not met: judge more of the sample"), screen)
        XCTAssertTrue(screen.contains("1 sampled decisions have no human verdict yet"), screen)

        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        let population = try await store.spotCheckPopulation(stratifiedBy: .type)
        let report = population.report(sampleSize: 4, seed: 3)
        XCTAssertEqual(report.estimate.overall.judged, 3)
        XCTAssertEqual(report.estimate.overall.wrong, 1)
        let judged = report.sample.sampledIDs.filter { population.verdicts[$0] != nil }
        let first = try await store.history(of: judged[0])
        XCTAssertEqual(first.map(\.decision.kind), [.accept])
        XCTAssertEqual(first.map(\.decision.curator), ["tester"])
        let third = try await store.history(of: judged[2])
        XCTAssertEqual(third.map(\.decision.kind), [.reject, .undo, .reject], "the undone verdict stays in the log")
        XCTAssertEqual(third.last?.decision.reason, "off topic")

        let runs = try await store.runs(source: Store.spotCheckSource)
        XCTAssertEqual(runs.count, 1)
        let saved = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(runs[0].run.configJSON.utf8)) as? [String: Any])
        let parameters = try XCTUnwrap(saved["parameters"] as? [String: Any])
        XCTAssertEqual(parameters["sample"] as? Int, 4)
        XCTAssertEqual(parameters["stratify"] as? String, "type")
        XCTAssertEqual(parameters["seed"] as? Int, 3)
        XCTAssertEqual(parameters["target"] as? Double, 0.5)
        XCTAssertEqual(parameters["curator"] as? String, "tester")
        let savedReport = try XCTUnwrap(saved["report"] as? [String: Any])
        let overall = try XCTUnwrap(savedReport["overall"] as? [String: Any])
        XCTAssertEqual(overall["judged"] as? Int, 3)
        XCTAssertEqual(overall["wrong"] as? Int, 1)
        XCTAssertEqual(try XCTUnwrap(overall["wilson_upper"] as? Double),
                       try XCTUnwrap(report.estimate.overall.interval?.upper), accuracy: 1e-12)
        XCTAssertEqual(savedReport["target_met"] as? Bool, false)
        let strata = try XCTUnwrap(savedReport["strata"] as? [[String: Any]])
        XCTAssertEqual(strata.map { $0["stratum"] as? String }, ["A", "B"])
        XCTAssertEqual(strata.map { $0["sample"] as? [Int] }, report.sample.strata.map { $0.sample.map(Int.init) })
    }

    func testWithoutATerminalOrWithReportItPrintsTheReport() async throws {
        try await importSix()
        let command = "cd '\(folder.path)' && '\(try QuorumBinary.path())' spot-check --store '\(storePath)' "
            + "--sample 2 --report"
        let tmux = try TmuxSession(folder: folder, width: 100, height: 30, command: command)
        XCTAssertEqual(try tmux.waitForExit().status, 0)
        XCTAssertTrue(try tmux.screen().contains("2 of 6 decisions made without a human, by member, seed 1"))
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        let runs = try await store.runs(source: Store.spotCheckSource)
        XCTAssertEqual(runs.count, 0, "printing a report saves no session")
    }
}

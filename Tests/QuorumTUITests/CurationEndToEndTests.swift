import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 15 in the real workbench at 80×24: `[` steps back to a rerun's earlier set, the
/// reason prompt refuses an empty reason and offers the reasons used before, and the
/// guidelines the configuration names open with H.
final class CurationEndToEndTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("quorum.sqlite").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-curation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func consensus(choice: Int) -> ConsensusResult {
        ConsensusResult(choice: choice, rule: .rouge, scores: [0.5, 0.4], margin: 0.1, matrix: [[1, 0.4], [0.4, 1]], discard: nil)
    }

    private static func set(_ texts: [String], choice: Int) -> NewCandidateSet {
        NewCandidateSet(candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                        consensus: consensus(choice: choice))
    }

    /// Item 1 with a first set and a rerun's set; item 2 rejected once for "off topic".
    private func makeStore() async throws {
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            let first = try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Name a colour.", input: "",
                candidateSet: Self.set(["beforeset crimson", "beforeset scarlet"], choice: 0))).id!
            let second = try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Name a planet.", input: "",
                candidateSet: Self.set(["Mars", "Venus"], choice: 0))).id!
            try transaction.append(.rerun(Self.set(["afterset teal", "afterset cyan"], choice: 1)), to: first, curator: "ada")
            try transaction.append(.reject(reason: "off topic"), to: second, curator: "ada")
        }
        try store.close()
    }

    private func review(_ extra: String = "") throws -> TmuxSession {
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)' \(extra)"
        return try TmuxSession(folder: folder, width: 80, height: 24, command: command)
    }

    func testStepsBackToARerunsEarlierSetAndRefusesAnEmptyReason() async throws {
        try await makeStore()
        let tmux = try review()
        try tmux.waitForScreen(containing: "afterset teal")
        XCTAssertFalse(try tmux.screen().contains("beforeset"))
        try tmux.sendKeys("[")
        try tmux.waitForScreen(containing: "set 1 of 2, not the current one")
        XCTAssertTrue(try tmux.screen().contains("beforeset crimson"))
        try tmux.sendKeys("a")
        try tmux.waitForScreen(containing: "decisions apply to the current one")
        try tmux.sendKeys("]")
        try tmux.waitForScreen(containing: "afterset teal")

        try tmux.sendKeys("x")
        try tmux.waitForScreen(containing: "Tab: off topic")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "a reason is needed")
        try tmux.sendKeys("-l", "of")
        try tmux.sendKeys("Tab")
        try tmux.waitForScreen(containing: "reason: off topic")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "rejected #1: off topic")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        let history = try await store.history(of: 1)
        XCTAssertEqual(history.last?.decision.reason, "off topic")
        XCTAssertEqual(history.filter { $0.decision.kind == .reject }.count, 1, "the empty reason wrote nothing")
    }

    func testTheGuidelinesOpenAt80x24AndAMissingFileIsAConfigError() async throws {
        try await makeStore()
        let config = folder.appendingPathComponent("quorum.toml")
        try "[workbench]\nguidelines = \"RULES.md\"\n\n[[members]]\nname = \"a\"\nbase_url = \"http://127.0.0.1:9/v1\"\n"
            .appending("model = \"m\"\n\n[[members]]\nname = \"b\"\nbase_url = \"http://127.0.0.1:9/v1\"\nmodel = \"m\"\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let missing = try QuorumBinary.run(["review", "--config", config.path, "--no-engine", "--store", storePath], in: folder)
        XCTAssertEqual(missing.status, 78, missing.standardError)
        XCTAssertTrue(missing.standardError.contains("quorum.toml:2: workbench.guidelines: "), missing.standardError)
        XCTAssertTrue(missing.standardError.contains("RULES.md: no such file"), missing.standardError)

        let guidelines = "# House rules\n\n- **Reject** anything that needs an image\n- 用中文也可以 😀\n\n"
            + (1...40).map { "Line \($0) of the rules." }.joined(separator: "\n") + "\n\nlastruleline\n"
        try guidelines.write(to: folder.appendingPathComponent("RULES.md"), atomically: true, encoding: .utf8)
        let tmux = try review("--config '\(config.path)' --no-engine")
        try tmux.waitForScreen(containing: "afterset teal")
        try tmux.sendKeys("H")
        try tmux.waitForScreen(containing: "Guidelines")
        let screen = try tmux.screen()
        XCTAssertTrue(screen.contains("House rules") && screen.contains("• Reject anything"), screen)
        XCTAssertFalse(screen.contains("lastruleline"))
        try tmux.sendKeys("G")
        try tmux.waitForScreen(containing: "lastruleline")
        try tmux.sendKeys("Escape")
        try tmux.waitForScreen(containing: "afterset teal")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }
}

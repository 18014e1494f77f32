import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 16: `:filter`, `:accept` over it with a confirmation, one `u` for the whole batch,
/// then the export, through the real binary in tmux.
final class WorkbenchBulkDecisionTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testBulkAcceptOfAFilterIsOneBatchThatOneUndoTakesBack() async throws {
        let storePath = folder.appendingPathComponent("quorum.sqlite").path
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 1...12 {
                // Even items: unanimous (fragility 0); odd: three texts that share one word.
                let texts = index % 2 == 0
                    ? Array(repeating: "Answer \(index) agreed.", count: 3)
                    : ["the river flows north \(index)", "the cat sleeps on mats", "the sun rises over hills"]
                _ = try transaction.insertItem(NewItem(
                    runID: run.id!, instruction: "Instruction \(index).", input: "",
                    candidateSet: NewCandidateSet(
                        candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                        consensus: Consensus.decide(texts))))
            }
        }
        try store.close()
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)'"
        let tmux = try TmuxSession(folder: folder, width: 120, height: 30, command: command)
        try tmux.waitForScreen(containing: "waiting 12")
        try tmux.sendKeys(":filter pending and fragility < 0.2", "Enter")
        try tmux.waitForScreen(containing: "showing pending and fragility < 0.2")
        try tmux.sendKeys(":accept", "Enter")
        try tmux.waitForScreen(containing: "Accept 6 pending items")
        try tmux.sendKeys("y", "Enter")
        try tmux.waitForScreen(containing: "decided 6 items as one batch")
        try tmux.sendKeys("u")
        try tmux.waitForScreen(containing: "undid the batch of 6 items")
        try tmux.sendKeys(":accept", "Enter")
        try tmux.waitForScreen(containing: "Accept 6 pending items")
        try tmux.sendKeys("y", "Enter")
        try tmux.waitForScreen(containing: "decided 6 items as one batch")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)

        let reader = try Store.open(at: storePath, access: .read)
        defer { try? reader.close() }
        let accepted = try await reader.items(withStatus: [.accepted], limit: 20).map { $0.item.id! }
        XCTAssertEqual(accepted, [2, 4, 6, 8, 10, 12], "only the unanimous items")
        let exported = folder.appendingPathComponent("curated.jsonl").path
        _ = try await reader.export(ExportRequest(format: .full, statuses: ItemStatus.allCases), to: .file(path: exported))
        let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 12)
        let batched = lines.filter { $0.contains("\"kind\":\"accept\"") }
        XCTAssertEqual(batched.count, 6, "each accepted item's log holds the undone and the final accept")
        XCTAssertTrue(batched.allSatisfy { $0.contains("\"kind\":\"undo\"") && $0.contains("\"batch_id\":") })
    }
}

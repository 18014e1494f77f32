import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 16, through the real binary in tmux: `s` sends an item to the end of the queue and
/// logs the skip; the next session starts after the curator's last decision.
final class WorkbenchSkipResumeTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-skip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func review(_ storePath: String) throws -> TmuxSession {
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)'"
        return try TmuxSession(folder: folder, width: 120, height: 30, command: command)
    }

    /// The queue's rows, top to bottom, as item ids.
    private func listed(_ tmux: TmuxSession) -> [Int] {
        ((try? tmux.screen()) ?? "").split(separator: "\n").compactMap { line -> Int? in
            let words = line.dropFirst().split(separator: " ").filter { $0 != "▸" }
            guard words.count > 1, let id = Int(words[0]), words[1].count == 1 else { return nil }
            return id
        }
    }

    func testASkipGoesToTheEndAndTheNextSessionResumes() async throws {
        let storePath = folder.appendingPathComponent("quorum.sqlite").path
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 1...5 {
                let texts = ["Answer \(index).", "Answer \(index).", "Other \(index)."]
                _ = try transaction.insertItem(NewItem(
                    runID: run.id!, instruction: "Instruction \(index).", input: "",
                    candidateSet: NewCandidateSet(
                        candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                        consensus: Consensus.decide(texts))))
            }
        }
        try store.close()

        let first = try review(storePath)
        try first.waitForScreen(containing: "Item #1 ")
        try first.sendKeys("s")
        try first.waitForScreen(containing: "#1 skipped: it comes back at the end")
        try waitUntil("item 1 listed last", timeout: 10) { self.listed(first) == [2, 3, 4, 5, 1] }
        try first.waitForScreen(containing: "Item #2 ")
        try first.sendKeys("a")
        try first.waitForScreen(containing: "accepted #2")
        try first.sendKeys("q")
        XCTAssertEqual(try first.waitForExit().status, 0)

        let reader = try Store.open(at: storePath, access: .read)
        let curators = try await reader.stats().curators
        try reader.close()
        XCTAssertEqual(curators.map(\.curator), ["tester"])
        XCTAssertEqual(curators.first?.skipped, 1, "the skip is logged")
        XCTAssertEqual(curators.first?.accepted, 1)

        let second = try review(storePath)
        try second.waitForScreen(containing: "back where you left off, after #2")
        try second.waitForScreen(containing: "Item #3 ")
        XCTAssertEqual(listed(second), [1, 3, 4, 5], "a new session lists the skipped item in its place again")
        try second.sendKeys("q")
        XCTAssertEqual(try second.waitForExit().status, 0)
    }
}

import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 12: `quorum review` opens on a store that a run (a headless `quorum generate`)
/// is writing, shows the items as the run commits them, and records its decisions.
final class WorkbenchBesideARunTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-beside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var storePath: String { folder.appendingPathComponent("quorum.sqlite").path }

    private func insert(_ run: Store, runID: Int64, _ index: Int) async throws {
        let texts = ["Answer \(index) agreed.", "Answer \(index) agreed.", "Something else \(index)."]
        _ = try await run.write { transaction in
            try transaction.insertItem(NewItem(
                runID: runID, instruction: "Generated instruction \(index).", input: "",
                candidateSet: NewCandidateSet(
                    candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                    consensus: Consensus.decide(texts))))
        }
    }

    private func status(of id: Int64) async throws -> ItemStatus {
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        return try await store.item(id).item.status
    }

    func testReviewOpensWhileARunWritesAndShowsWhatItCommits() async throws {
        // The run's owner, as `quorum generate` opens it (it claims the run).
        let run = try Store.open(at: storePath, access: .write(command: "quorum generate --count 3"))
        let runID = try await run.write { try $0.beginRun(source: "generate", configJSON: "{}").id! }
        try await insert(run, runID: runID, 1)

        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)'"
        let tmux = try TmuxSession(folder: folder, width: 120, height: 30, command: command)
        try tmux.waitForScreen(containing: "reviewed 0 · waiting 1")

        try await insert(run, runID: runID, 2)
        try await insert(run, runID: runID, 3)
        try tmux.waitForScreen(containing: "waiting 3")
        try tmux.waitForScreen(containing: "Generated instruction 3.")

        try tmux.sendKeys("a")
        try tmux.waitForScreen(containing: "accepted #1")
        let accepted = try await status(of: 1)
        XCTAssertEqual(accepted, .accepted)
        try await insert(run, runID: runID, 4)
        try tmux.waitForScreen(containing: "waiting 3")
        try run.close()
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }
}

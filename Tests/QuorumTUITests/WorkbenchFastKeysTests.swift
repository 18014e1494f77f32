import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 12: five fast `a` presses in the real workbench record five decisions (keys that
/// came while the next item was loading used to be dropped).
final class WorkbenchFastKeysTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testFiveFastAcceptsRecordFiveDecisions() async throws {
        let storePath = folder.appendingPathComponent("quorum.sqlite").path
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 1...8 {
                let texts = ["Answer \(index) agreed.", "Answer \(index) agreed.", "Other \(index)."]
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
        try tmux.waitForScreen(containing: "reviewed 0 · waiting 8")
        try tmux.sendKeys("aaaaa")
        try tmux.waitForScreen(containing: "reviewed 5 · waiting 3")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
        let reader = try Store.open(at: storePath, access: .read)
        defer { try? reader.close() }
        let statuses = try await reader.items(withStatus: ItemStatus.allCases, limit: 10).map(\.item.status)
        XCTAssertEqual(statuses, Array(repeating: .accepted, count: 5) + Array(repeating: .pending, count: 3))
    }
}

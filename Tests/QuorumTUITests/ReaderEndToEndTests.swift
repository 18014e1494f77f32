import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 15: in the real workbench at 80×24, the reader reaches the last word of a
/// 2,000-word candidate, and a note added with n is in the full export.
final class ReaderEndToEndTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testTheReaderShowsTheLastWordOfATwoThousandWordCandidate() async throws {
        let storePath = folder.appendingPathComponent("quorum.sqlite").path
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        let words = (1..<2_000).map { "word\($0)" } + ["omegafinale"]
        let texts = ["A short answer that the ensemble chose.", words.joined(separator: " "), "Another short answer."]
        let consensus = ConsensusResult(
            choice: 0, rule: .rouge, scores: [0.5, 0.2, 0.4], margin: 0.1,
            matrix: [[1, 0.1, 0.4], [0.1, 1, 0.1], [0.4, 0.1, 1]], discard: nil)
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Write two thousand words.", input: "",
                candidateSet: NewCandidateSet(
                    candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                    consensus: consensus)))
        }
        try store.close()

        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)'"
        let tmux = try TmuxSession(folder: folder, width: 80, height: 24, command: command)
        try tmux.waitForScreen(containing: "Item #1 ")
        try tmux.sendKeys("v")
        try tmux.waitForScreen(containing: "Reader · #1")
        try tmux.sendKeys("1")
        try tmux.waitForScreen(containing: "word1 word2")
        XCTAssertFalse(try tmux.screen().contains("omegafinale"))
        try tmux.sendKeys("G")
        try tmux.waitForScreen(containing: "omegafinale")
        XCTAssertTrue(try tmux.screen().contains("100%"))
        try tmux.sendKeys("q")
        try tmux.waitForScreen(containing: "Item #1 ")
        // Issue 15's note, through the same binary: n, a note, Enter, then the full export.
        try tmux.sendKeys("n")
        try tmux.waitForScreen(containing: "Note on #1:")
        try tmux.sendKeys("-l", "too long to be useful")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "note added to #1")
        try tmux.waitForScreen(containing: "tester noted: too long", timeout: 5)
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
        let exported = folder.appendingPathComponent("full.jsonl").path
        let export = Process()
        export.executableURL = URL(fileURLWithPath: try QuorumBinary.path())
        export.arguments = ["export", "--store", storePath, "--format", "full", "--status", "all", "--output", exported]
        export.standardError = FileHandle.nullDevice
        try export.run()
        export.waitUntilExit()
        XCTAssertEqual(export.terminationStatus, 0)
        let line = try String(contentsOfFile: exported, encoding: .utf8)
        XCTAssertTrue(line.contains(#""kind":"note""#) && line.contains("too long to be useful"), line)
        XCTAssertTrue(line.contains(#""status":"pending""#), "a note leaves the item pending")
    }
}

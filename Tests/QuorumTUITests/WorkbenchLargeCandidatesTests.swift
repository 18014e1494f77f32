import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest

/// Issue 12: two 1 MB candidates used to make the shared-token highlight ask for a 104 GB
/// table and abort at start-up. The real workbench now shows the item at once, in bounded
/// memory, and says the highlight was skipped.
final class WorkbenchLargeCandidatesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// About `bytes` of words from a small vocabulary, so the two texts share many tokens.
    private func text(bytes: Int, seed: UInt64) -> String {
        let words = ["alpha", "beta", "gamma", "delta", "river", "stone", "cloud", "green", "seven", "quiet"]
        var random = SeededRandom(seed: seed)
        var out = "Start"
        out.reserveCapacity(bytes + 16)
        while out.utf8.count < bytes { out += " " + words[Int(random.next() % UInt64(words.count))] }
        return out
    }

    func testTwoOneMegabyteCandidatesOpenAtOnceInBoundedMemory() async throws {
        let storePath = folder.appendingPathComponent("quorum.sqlite").path
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        let texts = [text(bytes: 1 << 20, seed: 1), text(bytes: 1 << 20, seed: 2), "a short third answer"]
        let consensus = ConsensusResult(
            choice: 0, rule: .rouge, scores: [1.2, 1.1, 0.1], margin: 0.1,
            matrix: [[1, 0.6, 0.1], [0.6, 1, 0.1], [0.1, 0.1, 1]], discard: nil)
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Write a very long essay.", input: "",
                candidateSet: NewCandidateSet(
                    candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                    consensus: consensus)))
        }
        try store.close()

        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review "
            + "--store '\(storePath)' --themes '\(QuorumBinary.themes)'"
        let started = ContinuousClock.now
        let tmux = try TmuxSession(folder: folder, width: 160, height: 45, command: command)
        try tmux.waitForScreen(containing: "Item #1 ", timeout: 10)
        try tmux.waitForScreen(containing: "Start ", timeout: 10)
        let shown = ContinuousClock.now - started
        XCTAssertLessThan(shown, .seconds(1), "the item shows within a second")
        try tmux.waitForScreen(containing: "too long to align", timeout: 30)
        let status = try String(contentsOfFile: "/proc/\(try tmux.programPID())/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? .max
        XCTAssertLessThan(peak, 300 * 1024, "peak resident memory \(peak) kB")
        try tmux.sendKeys("j", "k")
        try tmux.waitForScreen(containing: "Item #1 ")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }
}

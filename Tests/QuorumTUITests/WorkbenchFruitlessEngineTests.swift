import Foundation
import QuorumTestSupport
import XCTest

/// `quorum review` whose instruction generator answers only empty completions: the engine
/// stops after its fruitless rounds and the workbench says so, instead of asking forever.
final class WorkbenchFruitlessEngineTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        server = try FakeServerProcess()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-fruitless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try QuorumBinary.run(["init", folder.path], in: folder)
        XCTAssertEqual(made.status, 0, made.standardError)
        let configURL = folder.appendingPathComponent("quorum.toml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: "kind = \"local\"", with: "kind = \"none\"")
        config = config.replacingOccurrences(
            of: "[[members]]\nname = ", with: "[[members]]\nbase_url = \"\(server.baseURL(mode: "empty"))\"\nname = ")
        config = config.replacingOccurrences(of: "max_fruitless_rounds = 20", with: "max_fruitless_rounds = 6")
        XCTAssertTrue(config.contains("max_fruitless_rounds = 6"))
        try config.write(to: configURL, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func testTheEngineStopsAndTheStatusBarSaysWhy() async throws {
        let themes = FakeServerProcess.repositoryRoot.appendingPathComponent("themes").path
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester '\(try QuorumBinary.path())' review --themes '\(themes)'"
        let tmux = try TmuxSession(folder: folder, width: 200, height: 40, command: command)
        try tmux.waitForScreen(containing: #"the engine stopped: the instruction generator "generator" gave no usable"#, timeout: 60)
        try tmux.waitForScreen(containing: "⏸ paused", timeout: 10)
        // Stopped means no more requests: the count holds still (an absence, so a short wait, not a poll).
        let stopped = try await server.statistics().completions
        // The template's generator takes 2 requests at once, and the engine runs 3 workers per slot.
        XCTAssertLessThanOrEqual(stopped, 6 + 2 * 3, "at most the rounds in flight when the limit was reached")
        try await Task.sleep(for: .milliseconds(300))
        let later = try await server.statistics().completions
        XCTAssertEqual(later, stopped, "the engine asks nothing more once it has stopped")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(timeout: 30).status, 0)
    }
}

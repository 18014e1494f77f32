import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest

/// The real `quorum review` in tmux with the ensemble running against the loopback fake
/// server: items stream in, every key changes the store as it should, export agrees.
final class WorkbenchEngineEndToEndTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        server = try FakeServerProcess(arguments: ["--latency", "0.02", "--token-delay", "0.004"])
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try QuorumExecutable.run(["init", folder.path], in: folder)
        XCTAssertEqual(made.status, 0, made.errors)
        let configURL = folder.appendingPathComponent("quorum.toml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: "kind = \"local\"", with: "kind = \"none\"")
        config = config.replacingOccurrences(
            of: "[[members]]\nname = ", with: "[[members]]\nbase_url = \"\(server.baseURL())\"\nname = ")
        config = config.replacingOccurrences(of: "max_awaiting_review = 50", with: "max_awaiting_review = 8")
        XCTAssertTrue(config.contains("max_awaiting_review = 8"))
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let editor = folder.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf ' (checked)' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private var storePath: String { folder.appendingPathComponent("quorum.sqlite").path }

    private func review() throws -> TmuxSession {
        let themes = FakeServerProcess.repositoryRoot.appendingPathComponent("themes").path
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester EDITOR='\(folder.path)/editor.sh' "
            + "'\(try QuorumExecutable.path())' review --themes '\(themes)'"
        return try TmuxSession(folder: folder, width: 160, height: 45, command: command)
    }

    private func read<T>(_ body: (Store) async throws -> T) async throws -> T {
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        return try await body(store)
    }

    private func item(_ id: Int64) async throws -> ItemDetail {
        try await read { try await $0.item(id) }
    }

    private func storedCount() async throws -> Int {
        guard FileManager.default.fileExists(atPath: storePath) else { return 0 }
        return try await read { try await $0.items(withStatus: ItemStatus.allCases, limit: 10_000).count }
    }

    /// Polls the store until `condition` holds.
    private func eventually(
        _ what: String, within seconds: Double = 30, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        XCTFail("\(what) did not happen within \(seconds) s")
        throw WaitTimeout(what: what)
    }

    func testItemsStreamInAndEachKeyChangesTheStore() async throws {
        let tmux = try review()
        try tmux.waitForScreen(containing: "▶ running", timeout: 30)
        try tmux.waitForScreen(containing: "· streaming", timeout: 30)
        try tmux.waitForScreen(containing: "Matrix · ", timeout: 30)
        try tmux.waitForScreen(containing: "⏸ paused: backlog", timeout: 60)
        let backlog = try await storedCount()
        XCTAssertGreaterThanOrEqual(backlog, 8, "the engine pauses once 8 items wait")

        try tmux.sendKeys("a")
        try await eventually("#1 accepted") { try await self.item(1).item.status == .accepted }

        let second = try await item(2)
        let choice = second.candidateSet.consensusChoice
        let other = try XCTUnwrap(second.candidates.first {
            $0.position != choice && $0.error == nil && !$0.text.allSatisfy(\.isWhitespace)
        }, "item 2 has a candidate to override with")
        try tmux.sendKeys(String(other.position))
        try await eventually("#2 overridden") {
            let item = try await self.item(2).item
            return item.status == .overridden && item.chosen == other.position
        }

        try tmux.sendKeys("e")
        try await eventually("#3 edited") { try await self.item(3).item.status == .edited }
        let edited = try await item(3).item.output ?? ""
        XCTAssertTrue(edited.hasSuffix(" (checked)"), edited)

        try tmux.sendKeys("x")
        try tmux.sendKeys("-l", "off topic")
        try tmux.sendKeys("Enter")
        try await eventually("#4 rejected") { try await self.item(4).item.status == .rejected }
        let reason = try await read { try await $0.history(of: 4) }.last?.decision.reason
        XCTAssertEqual(reason, "off topic")
        try tmux.waitForScreen(containing: "▶ running", timeout: 30)

        try tmux.sendKeys("r")
        try tmux.waitForScreen(containing: "#5 has new candidates", timeout: 30)
        try await eventually("#5 rerun") { try await self.item(5).candidateSet.ordinal == 1 }
        try tmux.waitForScreen(containing: "Matrix · ", timeout: 10)
        try tmux.sendKeys("u")
        try tmux.waitForScreen(containing: "undone on #5", timeout: 10)
        let restored = try await item(5)
        XCTAssertEqual(restored.candidateSet.ordinal, 0, "undoing the rerun brings the first candidates back")
        XCTAssertEqual(restored.item.status, .pending)

        try tmux.sendKeys("R")
        try await eventually("#5 replaced by a new instance") { try await self.item(5).item.status == .rejected }
        let note = try await read { try await $0.history(of: 5) }.last?.decision.reason ?? ""
        XCTAssertTrue(note.hasPrefix("instance rerun as item "), note)

        try tmux.sendKeys("p")
        try tmux.waitForScreen(containing: "⏸ paused", timeout: 10)
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(timeout: 30).status, 0)

        let exported = folder.appendingPathComponent("curated.jsonl")
        let export = try QuorumExecutable.run(["export", "--store", storePath, "-o", exported.path], in: folder)
        XCTAssertEqual(export.status, 0, export.errors)
        let lines = try String(contentsOf: exported, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3, "exactly the accepted, overridden and edited items")
        let first = try await item(1)
        let outputs = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["output"] as? String ?? ""
        }
        XCTAssertEqual(outputs, [first.item.output ?? "", other.text, edited])
    }
}

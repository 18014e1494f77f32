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
        let made = try QuorumBinary.run(["init", folder.path], in: folder)
        XCTAssertEqual(made.status, 0, made.standardError)
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
            + "'\(try QuorumBinary.path())' review --themes '\(themes)'"
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

    /// The item the workbench shows, read off its title ("Item #N · ...") once it is stored.
    /// Items are numbered as they are stored, which is not the order they started in, and the
    /// selection follows the item it is on; so each step acts on the item it sees selected.
    private func selectedItem(_ tmux: TmuxSession, excluding done: [Int64] = []) throws -> Int64 {
        var selected: Int64?
        try tmux.waitForScreen(containing: "Matrix · ", timeout: 10)
        try waitUntil("a stored item other than \(done) selected", timeout: 10) {
            let screen = (try? tmux.screen()) ?? ""
            guard let title = screen.range(of: #"Item #[0-9]+ · "#, options: .regularExpression) else { return false }
            selected = Int64(screen[title].dropFirst("Item #".count).prefix { $0.isNumber })
            return selected.map { !done.contains($0) } ?? false
        }
        return try XCTUnwrap(selected)
    }

    func testItemsStreamInAndEachKeyChangesTheStore() async throws {
        let tmux = try review()
        try tmux.waitForScreen(containing: "▶ running", timeout: 30)
        try tmux.waitForScreen(containing: "· streaming", timeout: 30)
        try tmux.waitForScreen(containing: "Matrix · ", timeout: 30)
        try tmux.waitForScreen(containing: "⏸ paused: backlog", timeout: 60)
        let backlog = try await storedCount()
        XCTAssertGreaterThanOrEqual(backlog, 8, "the engine pauses once 8 items wait")

        let accepted = try selectedItem(tmux)
        try tmux.sendKeys("a")
        try await eventually("#\(accepted) accepted") { try await self.item(accepted).item.status == .accepted }

        let overridden = try selectedItem(tmux, excluding: [accepted])
        let second = try await item(overridden)
        let choice = second.candidateSet.consensusChoice
        let other = try XCTUnwrap(second.candidates.first {
            $0.position != choice && $0.error == nil && !$0.text.allSatisfy(\.isWhitespace)
        }, "item \(overridden) has a candidate to override with")
        try tmux.sendKeys(String(other.position))
        try await eventually("#\(overridden) overridden") {
            let item = try await self.item(overridden).item
            return item.status == .overridden && item.chosen == other.position
        }

        let edited = try selectedItem(tmux, excluding: [accepted, overridden])
        try tmux.sendKeys("e")
        try await eventually("#\(edited) edited") { try await self.item(edited).item.status == .edited }
        let editedText = try await item(edited).item.output ?? ""
        XCTAssertTrue(editedText.hasSuffix(" (checked)"), editedText)

        let rejected = try selectedItem(tmux, excluding: [accepted, overridden, edited])
        try tmux.sendKeys("x")
        try tmux.sendKeys("-l", "off topic")
        try tmux.sendKeys("Enter")
        try await eventually("#\(rejected) rejected") { try await self.item(rejected).item.status == .rejected }
        let reason = try await read { try await $0.history(of: rejected) }.last?.decision.reason
        XCTAssertEqual(reason, "off topic")
        try tmux.waitForScreen(containing: "▶ running", timeout: 30)

        let rerun = try selectedItem(tmux, excluding: [accepted, overridden, edited, rejected])
        try tmux.sendKeys("r")
        try tmux.waitForScreen(containing: "#\(rerun) has new candidates", timeout: 30)
        try await eventually("#\(rerun) rerun") { try await self.item(rerun).candidateSet.ordinal == 1 }
        try tmux.waitForScreen(containing: "Matrix · ", timeout: 10)
        try tmux.sendKeys("u")
        try tmux.waitForScreen(containing: "undone on #\(rerun)", timeout: 30)
        let restored = try await item(rerun)
        XCTAssertEqual(restored.candidateSet.ordinal, 0, "undoing the rerun brings the first candidates back")
        XCTAssertEqual(restored.item.status, .pending)

        try tmux.sendKeys("R")
        try await eventually("#\(rerun) replaced by a new instance") { try await self.item(rerun).item.status == .rejected }
        let note = try await read { try await $0.history(of: rerun) }.last?.decision.reason ?? ""
        XCTAssertTrue(note.hasPrefix("instance rerun as item "), note)

        try tmux.sendKeys("p")
        try tmux.waitForScreen(containing: "⏸ paused", timeout: 10)
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(timeout: 30).status, 0)

        let exported = folder.appendingPathComponent("curated.jsonl")
        let export = try QuorumBinary.run(["export", "--store", storePath, "-o", exported.path], in: folder)
        XCTAssertEqual(export.status, 0, export.standardError)
        let lines = try String(contentsOf: exported, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3, "exactly the accepted, overridden and edited items")
        let outputs = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["output"] as? String ?? ""
        }
        let acceptedOutput = try await item(accepted).item.output ?? ""
        let byID = [accepted: acceptedOutput, overridden: other.text, edited: editedText]
        XCTAssertEqual(outputs, byID.keys.sorted().map { byID[$0]! }, "in item order")
    }
}

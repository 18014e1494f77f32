import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest

/// The real `quorum review` in a tmux pane, against a store with imported items.
final class WorkbenchEndToEndTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-tui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var storePath: String { folder.appendingPathComponent("quorum.sqlite").path }


    private func makeStore(_ lines: [String]) async throws {
        let file = folder.appendingPathComponent("items.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let store = try Store.open(at: storePath, access: .write(command: "test"))
        _ = try await store.importJSONL(from: .file(path: file.path))
        try store.close()
    }

    private func review(_ extra: String = "", environment: String = "", width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let command = "cd '\(folder.path)' && QUORUM_CURATOR=tester \(environment) '\(try QuorumBinary.path())' review --store '\(storePath)' "
            + "--themes '\(QuorumBinary.themes)' \(extra)"
        return try TmuxSession(folder: folder, width: width, height: height, command: command)
    }

    private func status(of id: Int64) async throws -> ItemStatus {
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        return try await store.item(id).item.status
    }

    static let agreeing = #"{"instruction": "Give three tips for staying healthy.", "candidates": ["Eat well, sleep well and exercise.", "Eat well and exercise daily.", "Sleep well, eat well."]}"#
    static let hostile = #"{"instruction": "Say \u001b[31mred\u001b[0m\u0007", "input": "x", "candidates": ["\u001b]0;pwned\u0007 red", "red", "red!"]}"#

    func testAcceptingWritesTheStoreAndQuittingRestoresTheTerminal() async throws {
        try await makeStore([Self.agreeing, Self.hostile])
        let tmux = try review()
        try tmux.waitForScreen(containing: "Queue · awaiting review")
        try tmux.waitForScreen(containing: "reviewed 0 · waiting 2")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "1")
        try tmux.sendKeys("a")
        try tmux.waitForScreen(containing: "accepted #1")
        let accepted = try await status(of: 1)
        XCTAssertEqual(accepted, .accepted)
        try tmux.waitForScreen(containing: "Say ␛[31mred␛[0m␇")
        XCTAssertFalse(try tmux.screen().contains("pwned\n"), "escapes never reach the terminal")
        try tmux.sendKeys("u")
        try tmux.waitForScreen(containing: "undone on #1")
        let undone = try await status(of: 1)
        XCTAssertEqual(undone, .pending)
        try tmux.sendKeys("q")
        let exit = try tmux.waitForExit()
        XCTAssertEqual(exit.status, 0)
        XCTAssertEqual(exit.tty, "icanon echo", "the line discipline is back")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "0", "the alternate screen is left")
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1", "the cursor is shown again")
        let farewell = try tmux.screen().replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(
            farewell.contains("the decisions are in \(storePath); export them with: quorum export --store"),
            "quitting says where the store is and how to export it: \(farewell)")
    }

    func testAClickSelectsAQueueRow() async throws {
        try await makeStore([Self.agreeing, Self.agreeing])
        let tmux = try review()
        try tmux.waitForScreen(containing: "Item #1 ")
        // An SGR mouse press and release on the queue's second row (1-based column 3, line 3).
        try tmux.sendKeys("-l", "\u{1B}[<0;3;3M\u{1B}[<0;3;3m")
        try tmux.waitForScreen(containing: "Item #2 ")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }

    /// `--order margin`, the old name, still means the fragility order.
    func testFragilityOrderAndTheStatsView() async throws {
        let fragile = #"{"instruction": "Name a fruit.", "candidates": ["red blue", "blue green", "green red"]}"#
        try await makeStore([Self.agreeing, fragile])
        let tmux = try review("--order margin", width: 160, height: 30)
        try tmux.waitForScreen(containing: "Queue · awaiting review · most fragile first")
        let rows = try tmux.screen().split(separator: "\n").filter { $0.contains("● ") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows.first?.contains("Name a fruit.") == true, "the more fragile decision comes first: \(rows)")
        try tmux.sendKeys(":")
        try tmux.sendKeys("-l", "stats")
        try tmux.sendKeys("Enter")
        try tmux.waitForScreen(containing: "quorum.sqlite: 2 items, 0 decisions")
        try tmux.waitForScreen(containing: "r reload · q close")
        try tmux.sendKeys("q")
        try tmux.waitForScreen(containing: "Queue · awaiting review · most fragile first")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }

    /// A search runs in the store: an ASCII word through SQLite's LIKE, a non-ASCII one
    /// through Quorum's own function, in an instruction or in a candidate, any case.
    func testSearchListsOnlyTheMatchingItems() async throws {
        let fruit = #"{"instruction": "Name a fruit.", "candidates": ["an apple", "a red apple", "apple"]}"#
        let coffee = #"{"instruction": "Order a drink.", "candidates": ["Un café au lait", "un café", "café au lait"]}"#
        try await makeStore([Self.agreeing, fruit, coffee])
        let tmux = try review(width: 120, height: 30)
        try tmux.waitForScreen(containing: "reviewed 0 · waiting 3")
        func listed() -> [String] {
            ((try? tmux.screen()) ?? "").split(separator: "\n").filter { $0.contains("● ") }.map(String.init)
        }
        /// Searches for `text` and waits until exactly the instructions `expected` are listed.
        func search(_ text: String, lists expected: [String]) throws {
            try tmux.sendKeys("/")
            try tmux.sendKeys("C-u")
            if !text.isEmpty { try tmux.sendKeys("-l", text) }
            try tmux.sendKeys("Enter")
            try waitUntil("\(expected) listed for \"\(text)\"", timeout: 10) {
                let rows = listed()
                return rows.count == expected.count && zip(rows, expected).allSatisfy { $0.contains($1) }
            }
        }
        XCTAssertEqual(listed().count, 3)
        try search("CAFÉ", lists: ["Order a drink."])
        try tmux.waitForScreen(containing: "Item #3 ")
        try search("FRUIT", lists: ["Name a fruit."])
        try tmux.waitForScreen(containing: "Item #2 ")
        try search("", lists: ["Give three tips", "Name a fruit.", "Order a drink."])
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }

    func testCtrlCQuitsCleanly() async throws {
        try await makeStore([Self.agreeing])
        let tmux = try review()
        try tmux.waitForScreen(containing: "Queue · awaiting review")
        try tmux.sendKeys("C-c")
        let exit = try tmux.waitForExit()
        XCTAssertEqual(exit.status, 130)
        XCTAssertEqual(exit.tty, "icanon echo")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "0")
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1")
    }

    func testSIGTERMQuitsCleanly() async throws {
        try await makeStore([Self.agreeing])
        let tmux = try review()
        try tmux.waitForScreen(containing: "Queue · awaiting review")
        kill(try tmux.programPID(), SIGTERM)
        let exit = try tmux.waitForExit()
        XCTAssertEqual(exit.status, 130)
        XCTAssertEqual(exit.tty, "icanon echo")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "0")
    }

    func testACrashStillRestoresTheTerminal() async throws {
        try await makeStore([Self.agreeing])
        let tmux = try review(environment: "SWIFT_BACKTRACE=enable=no")
        try tmux.waitForScreen(containing: "Queue · awaiting review")
        kill(try tmux.programPID(), SIGSEGV)
        let exit = try tmux.waitForExit()
        XCTAssertEqual(exit.status, 128 + Int(SIGSEGV), "the crash is still a crash")
        XCTAssertEqual(exit.tty, "icanon echo")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "0")
        XCTAssertEqual(try tmux.format("#{cursor_flag}"), "1")
    }

    func testResizingDownToTheMinimumAndBelowAndBack() async throws {
        try await makeStore([Self.agreeing])
        let tmux = try review()
        try tmux.waitForScreen(containing: "Queue · awaiting review")
        try tmux.run(["resize-window", "-x", "60", "-y", "15"])
        try tmux.waitForScreen(containing: "Candidates · 3 · ")
        try tmux.run(["resize-window", "-x", "50", "-y", "12"])
        try tmux.waitForScreen(containing: "Terminal too small: 50×12")
        try tmux.run(["resize-window", "-x", "100", "-y", "30"])
        try tmux.waitForScreen(containing: "Matrix · ")
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit().status, 0)
    }

    func testTheConfiguredThemeIsCheckedAndNamedWithItsKey() async throws {
        try await makeStore([Self.agreeing])
        let made = try QuorumBinary.run(["init", folder.path], in: folder)
        XCTAssertEqual(made.status, 0, made.standardError)
        let configURL = folder.appendingPathComponent("quorum.toml")
        let config = try String(contentsOf: configURL, encoding: .utf8)
        try config.replacingOccurrences(of: "theme = \"dark\"", with: "theme = \"nope\"")
            .write(to: configURL, atomically: true, encoding: .utf8)
        let tmux = try review("--no-engine", width: 200, height: 10)
        XCTAssertEqual(try tmux.waitForExit().status, 78)
        let screen = try tmux.screen()
        XCTAssertTrue(screen.contains("quorum.toml: workbench.theme: no theme named \"nope\""), screen)
    }

    func testABadThemeIsReportedBeforeTheScreenIsTaken() async throws {
        try await makeStore([Self.agreeing])
        let themes = folder.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data("[styles]\ntext = { fg = 999 }\n".utf8).write(to: themes.appendingPathComponent("broken.toml"))
        let command = "cd '\(folder.path)' && '\(try QuorumBinary.path())' review --store '\(storePath)' --themes '\(themes.path)' --theme broken"
        let tmux = try TmuxSession(folder: folder, width: 200, height: 10, command: command)
        XCTAssertEqual(try tmux.waitForExit().status, 78)
        XCTAssertTrue(try tmux.screen().contains("broken.toml:2: styles.text.fg: expected a colour number from 0 to 255"))
    }
}

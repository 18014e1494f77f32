import XCTest
@testable import QuorumStore
@testable import QuorumTUI

final class ReducerNavigationTests: XCTestCase {
    private func press(_ keys: Key..., in state: inout WorkbenchState) -> [WorkbenchEffect] {
        keys.flatMap { Workbench.reduce(&state, .key($0)) }
    }

    func testMovingKeysMoveTheCursorWithinTheQueue() {
        var state = Fixtures.state()
        _ = press(.character("j"), .down, in: &state)
        XCTAssertEqual(state.queue.cursor, 2)
        _ = press(.character("k"), in: &state)
        XCTAssertEqual(state.queue.cursor, 1)
        _ = press(.up, .up, .up, in: &state)
        XCTAssertEqual(state.queue.cursor, 0)
        _ = press(.character("G"), in: &state)
        XCTAssertEqual(state.queue.cursor, Fixtures.queue.count - 1)
        _ = press(.character("j"), in: &state)
        XCTAssertEqual(state.queue.cursor, Fixtures.queue.count - 1)
        _ = press(.character("g"), in: &state)
        XCTAssertEqual(state.queue.cursor, 0)
        _ = press(.end, .home, in: &state)
        XCTAssertEqual(state.queue.cursor, 0)
    }

    func testPagingMovesByTheQueuesHeight() {
        let items = (1...300).map { Fixtures.detail(Int64($0), instruction: "Item \($0)", texts: ["a b", "a b", "a c"]) }
        var state = Fixtures.state(Size(width: 80, height: 24), items: items)
        let rows = WorkbenchLayout.queueRows(for: state.viewport)
        _ = press(.pageDown, in: &state)
        XCTAssertEqual(state.queue.cursor, rows)
        XCTAssertEqual(state.queue.top, 1, "the cursor stays in view")
        _ = press(.control("d"), .control("u"), .pageUp, in: &state)
        XCTAssertEqual(state.queue.cursor, 0)
        XCTAssertEqual(state.queue.top, 0)
    }

    func testTheNextPageIsAskedForNearTheEndAndOnlyOnce() {
        let items = (1...100).map { Fixtures.detail(Int64($0), instruction: "Item \($0)", texts: ["a b", "a b", "a c"]) }
        var state = Fixtures.state(items: items, exhausted: false)
        var effects = Workbench.moveCursor(to: 60, &state)
        XCTAssertEqual(effects, [.loadPage(state.queue.query, after: .id(100), limit: 100, generation: 0)])
        effects = Workbench.moveCursor(to: 61, &state)
        XCTAssertFalse(effects.contains { if case .loadPage = $0 { return true } else { return false } })
        let more = (101...150).map { Fixtures.detail(Int64($0), instruction: "Item \($0)", texts: ["a b", "a b", "a c"]) }
        _ = Workbench.reduce(&state, .pageLoaded(QueuePage(generation: 0, items: more, readThrough: .id(150), isLast: true)))
        XCTAssertEqual(state.queue.rows.count, 150)
        XCTAssertTrue(state.queue.isExhausted)
    }

    /// Pages list rows; the selected item is read whole, once, and moving reads the next.
    func testAPageOfRowsAsksForTheSelectedItemAlone() {
        var state = WorkbenchState(viewport: Size(width: 120, height: 40))
        _ = Workbench.start(&state)
        let items = Fixtures.queue
        let rows = items.map { QueueRow($0) }
        let effects = Workbench.reduce(&state, .pageLoaded(QueuePage(generation: 0, rows: rows, readThrough: .id(10), isLast: true)))
        XCTAssertEqual(effects, [.loadItem(rows[0].itemID)])
        XCTAssertTrue(state.details.isEmpty)
        XCTAssertNil(state.selectedItem, "shown as loading")
        _ = Workbench.reduce(&state, .itemLoaded(items[0]))
        XCTAssertNotNil(state.selectedItem)
        XCTAssertEqual(Workbench.moveCursor(to: 1, &state), [.loadItem(rows[1].itemID)])
        XCTAssertEqual(Workbench.moveCursor(to: 0, &state), [], "a loaded item is kept")
    }

    func testPagesOfAnOlderQueryAreIgnored() {
        var state = Fixtures.state()
        _ = press(.character("f"), in: &state)
        XCTAssertEqual(state.queue.generation, 1)
        _ = Workbench.reduce(&state, .pageLoaded(QueuePage(generation: 0, items: Fixtures.queue, readThrough: .id(10), isLast: true)))
        XCTAssertTrue(state.queue.rows.isEmpty)
    }

    func testFarDetailsAreForgottenAndReloadedWhenSelected() {
        let items = (1...1000).map { Fixtures.detail(Int64($0), instruction: "Item \($0)", texts: ["a b", "a b", "a c"]) }
        var state = Fixtures.state(items: items)
        XCTAssertLessThanOrEqual(state.details.count, state.settings.detailWindow + 1)
        let effects = Workbench.moveCursor(to: 900, &state)
        XCTAssertEqual(effects, [.loadItem(901)])
        _ = Workbench.reduce(&state, .itemLoaded(items[900]))
        XCTAssertNotNil(state.selectedItem?.sharedTokens)
    }

    func testFilterCyclesAndReloads() {
        var state = Fixtures.state(filter: .awaitingReview)
        var filters: [QueueFilter] = []
        for _ in QueueFilter.cycle {
            let effects = press(.character("f"), in: &state)
            filters.append(state.queue.query.filter)
            XCTAssertEqual(effects, [.loadPage(state.queue.query, after: .start, limit: 100, generation: state.queue.generation)])
        }
        XCTAssertEqual(filters, Array(QueueFilter.cycle.dropFirst()) + [.awaitingReview])
    }

    func testSearchReloadsWithTheTextAndEscapeClearsIt() {
        var state = Fixtures.state()
        _ = press(.character("/"), in: &state)
        XCTAssertEqual(state.overlay, .prompt(Prompt(.search)))
        _ = press(.character("r"), .character("e"), .character("d"), in: &state)
        let effects = press(.enter, in: &state)
        XCTAssertEqual(state.queue.query.search, "red")
        XCTAssertEqual(effects, [.loadPage(QueueQuery(filter: .all, search: "red"), after: .start, limit: 100, generation: 1)])
        XCTAssertEqual(press(.escape, in: &state).count, 1)
        XCTAssertEqual(state.queue.query.search, "")
    }

    func testSearchMatchesInstructionsInputsAndCandidatesIgnoringCase() {
        let query = QueueQuery(filter: .all, search: "MAISON")
        XCTAssertTrue(query.matches(Fixtures.translation))
        XCTAssertFalse(query.matches(Fixtures.healthy))
        XCTAssertTrue(QueueQuery(filter: .all, search: "house").matches(Fixtures.translation))
        XCTAssertFalse(QueueQuery(filter: .status(.rejected), search: "").matches(Fixtures.translation))
    }

    func testCommandLineCommands() {
        var state = Fixtures.state()
        func run(_ line: String) -> [WorkbenchEffect] {
            _ = press(.character(":"), in: &state)
            for character in line { _ = press(.character(character), in: &state) }
            return press(.enter, in: &state)
        }
        XCTAssertEqual(run("export out.jsonl"), [.export(path: "out.jsonl", format: .alpaca)])
        XCTAssertEqual(run("export out.jsonl full"), [.export(path: "out.jsonl", format: .full)])
        XCTAssertEqual(run("export"), [])
        XCTAssertTrue(state.status.message!.text.hasPrefix("usage: :export"))
        XCTAssertEqual(run("export x.jsonl csv"), [])
        XCTAssertEqual(run("filter rejected").count, 1)
        XCTAssertEqual(state.queue.query.filter, .status(.rejected))
        XCTAssertEqual(run("filter nonsense"), [])
        XCTAssertEqual(run("theme light"), [.applyTheme("light")])
        XCTAssertEqual(state.themeName, "light")
        XCTAssertEqual(run("theme neon"), [])
        XCTAssertEqual(run("stats"), [.loadStats(filter: .status(.rejected))])
        XCTAssertEqual(state.overlay, .stats(StatsView()))
        _ = press(.escape, in: &state)
        XCTAssertNil(state.overlay)
        let ordered = run("order margin")
        XCTAssertEqual(state.queue.query.order, .fragility)
        XCTAssertEqual(ordered, [.loadPage(state.queue.query, after: .start, limit: 100, generation: state.queue.generation)])
        XCTAssertEqual(run("order fancy"), [])
        XCTAssertEqual(state.status.message?.text, "usage: :order id|fragility (the most fragile come first; there is no other direction)")
        XCTAssertEqual(run("order fragility desc"), [], "a direction is refused, not ignored")
        XCTAssertEqual(run("filter type = A and fragile"), [.loadPage(state.queue.query, after: .start, limit: 100, generation: state.queue.generation)])
        XCTAssertEqual(state.queue.query.filter.expression, .and(.comparison(.type, .equal, .texts(["a"])), .comparison(.fragility, .greaterOrEqual, .number(0.5))))
        XCTAssertEqual(run("filter type = C"), [])
        XCTAssertTrue(state.status.message?.text.hasPrefix("filter: at character 8: type is one of a, b") == true, state.status.message?.text ?? "")
        XCTAssertEqual(run("help"), [])
        XCTAssertEqual(state.overlay, .help(scroll: 0))
        _ = press(.escape, in: &state)
        XCTAssertEqual(run("frobnicate"), [])
        XCTAssertTrue(state.status.message!.text.contains("unknown command"))
        XCTAssertEqual(run("q"), [.quit])
        XCTAssertTrue(state.isQuitting)
    }

    func testPromptEditing() {
        var state = Fixtures.state()
        _ = press(.character(":"), .character("a"), .character("b"), .backspace, .character("c"), in: &state)
        XCTAssertEqual(state.overlay, .prompt(Prompt(.command, text: "ac")))
        _ = press(.control("u"), in: &state)
        XCTAssertEqual(state.overlay, .prompt(Prompt(.command, text: "")))
        _ = press(.escape, in: &state)
        XCTAssertNil(state.overlay)
    }

    func testHelpOpensScrollsAndCloses() {
        var state = Fixtures.state()
        _ = press(.character("?"), in: &state)
        XCTAssertEqual(state.overlay, .help(scroll: 0))
        _ = press(.character("j"), .down, .character("k"), in: &state)
        XCTAssertEqual(state.overlay, .help(scroll: 1))
        XCTAssertEqual(press(.character("a"), in: &state), [], "keys do not leak through the help")
        _ = press(.character("q"), in: &state)
        XCTAssertNil(state.overlay)
        XCTAssertFalse(state.isQuitting)
    }

    func testPauseThemeAndQuit() {
        var state = Fixtures.state()
        state.engine.isAttached = true
        XCTAssertEqual(press(.character("p"), in: &state), [.setEnginePaused(true)])
        XCTAssertEqual(press(.character("t"), in: &state), [.applyTheme("light")])
        XCTAssertEqual(press(.character("t"), .character("t"), in: &state), [.applyTheme("high-contrast"), .applyTheme("dark")])
        XCTAssertEqual(press(.character("q"), in: &state), [.quit])
        XCTAssertTrue(state.isQuitting)
    }

    func testExpandCyclesThroughTheCandidates() {
        var state = Fixtures.state()
        _ = press(.character("J"), in: &state)
        XCTAssertEqual(state.expandedCandidate, 0)
        _ = press(.character("J"), .character("J"), in: &state)
        XCTAssertEqual(state.expandedCandidate, 2)
        _ = press(.character("J"), in: &state)
        XCTAssertNil(state.expandedCandidate)
        _ = press(.character("K"), in: &state)
        XCTAssertEqual(state.expandedCandidate, 2)
        _ = press(.character("j"), in: &state)
        XCTAssertNil(state.expandedCandidate, "a new item starts collapsed")
    }

    func testUnboundKeysSaySo() {
        var state = Fixtures.state()
        XCTAssertEqual(press(.character("Z"), in: &state), [])
        XCTAssertEqual(state.status.message?.severity, .warning)
        _ = press(.character("j"), in: &state)
        XCTAssertNil(state.status.message, "a key clears the message")
    }

    func testATooSmallTerminalOnlyQuitsOrHelps() {
        var state = Fixtures.state(Size(width: 50, height: 12))
        XCTAssertEqual(press(.character("a"), .character("x"), .character("j"), in: &state), [])
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.queue.cursor, 0)
        XCTAssertEqual(press(.character("q"), in: &state), [.quit])
    }

    func testResizeKeepsTheCursorInView() {
        let items = (1...100).map { Fixtures.detail(Int64($0), instruction: "Item \($0)", texts: ["a b", "a b", "a c"]) }
        var state = Fixtures.state(Size(width: 200, height: 60), items: items, cursor: 50)
        _ = Workbench.reduce(&state, .resized(Size(width: 60, height: 15)))
        let rows = WorkbenchLayout.queueRows(for: state.viewport)
        XCTAssertTrue((state.queue.top..<(state.queue.top + rows)).contains(50))
    }

    /// News fades after a few seconds so the key hint comes back; a warning waits for a key.
    func testMessagesFadeButWarningsStay() {
        var state = Fixtures.state()
        _ = Workbench.reduce(&state, .clock(elapsedSeconds: 10))
        _ = Workbench.reduce(&state, .key(.character("j")))
        _ = Workbench.reduce(&state, .notice(StatusMessage("exported 3 items", .success)))
        _ = Workbench.reduce(&state, .clock(elapsedSeconds: 10 + StatusBarState.messageSeconds - 1))
        XCTAssertEqual(state.status.message?.text, "exported 3 items")
        _ = Workbench.reduce(&state, .clock(elapsedSeconds: 10 + StatusBarState.messageSeconds))
        XCTAssertNil(state.status.message)
        _ = Workbench.reduce(&state, .notice(StatusMessage("the store is busy", .warning)))
        _ = Workbench.reduce(&state, .clock(elapsedSeconds: 100))
        XCTAssertEqual(state.status.message?.text, "the store is busy")
    }

    func testInterruptQuits() {
        var state = Fixtures.state()
        XCTAssertEqual(Workbench.reduce(&state, .interrupted), [.quit])
        XCTAssertTrue(state.wasInterrupted)
    }

    func testEveryCommandHasAKeyAndHelpListsEveryBinding() {
        let commands: [WorkbenchCommand] = [
            .accept, .override, .edit, .reject, .skip, .rerunOutputs, .rerunInstance, .undo, .next, .previous, .pageDown,
            .pageUp, .first, .last, .expandNext, .expandPrevious, .search, .cycleFilter, .commandLine, .togglePause,
            .cycleTheme, .toggleHighlight, .help, .cancel, .quit, .markRight, .markWrong, .openReader, .focusCandidates,
            .toggleQueue, .previousSet, .nextSet, .guidelines,
        ]
        let bound = Set(KeyBindings.main.flatMap(\.bindings).map(\.command))
        XCTAssertEqual(bound, Set(commands))
        for binding in KeyBindings.main.flatMap(\.bindings) {
            for key in binding.keys { XCTAssertEqual(KeyBindings.command(for: key), binding.command, key.label) }
        }
        let help = HelpOverlay.lines(width: 400).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for binding in KeyBindings.main.flatMap(\.bindings) { XCTAssertTrue(help.contains(binding.summary)) }
        for binding in KeyBindings.prompt { XCTAssertTrue(help.contains(binding.summary)) }
        for binding in KeyBindings.help { XCTAssertTrue(help.contains(binding.summary)) }
        for binding in KeyBindings.stats { XCTAssertTrue(help.contains(binding.summary)) }
        for command in CommandLineCommand.Name.allCases { XCTAssertTrue(help.contains(command.usage)) }
    }

    /// At 80×24 every help line fits its box, and scrolling reaches the last one and no further.
    func testTheHelpFitsAndScrollsToItsLastLine() {
        var state = Fixtures.state(Size(width: 80, height: 24))
        _ = Workbench.reduce(&state, .key(.character("?")))
        let box = HelpOverlay.box(in: Rect(x: 0, y: 0, width: 80, height: 24), lineCount: 1000)
        for line in HelpOverlay.lines(width: box.width) {
            XCTAssertLessThanOrEqual(line.reduce(0) { $0 + DisplayWidth.of($1.text) }, box.width - 4, line.map(\.text).joined())
        }
        for _ in 0..<500 { _ = Workbench.reduce(&state, .key(.character("j"))) }
        let maxScroll = HelpOverlay.maxScroll(on: Rect(x: 0, y: 0, width: 80, height: 24))
        XCTAssertEqual(state.overlay, .help(scroll: maxScroll), "no scrolling past the end")
        _ = Workbench.reduce(&state, .key(.character("k")))
        XCTAssertEqual(state.overlay, .help(scroll: maxScroll - 1), "one key back up")
        _ = Workbench.reduce(&state, .key(.character("j")))
        let screen = WorkbenchRenderer.render(state).textDump()
        let lastSummary = CommandLineCommand.Name.allCases.last!.summary.split(separator: " ").last!
        XCTAssertTrue(screen.contains(lastSummary), "the last line is on screen:\n\(screen)")
    }
}

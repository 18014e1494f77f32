import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Each pane alone, rendered into a grid of its own.
final class PaneSnapshotTests: XCTestCase {
    private func render(_ size: Size, _ body: (inout CellGrid, Rect) -> Void) -> CellGrid {
        var grid = CellGrid(size: size)
        body(&grid, grid.bounds)
        return grid
    }

    private func selection(_ id: Int64, _ size: Size = Size(width: 120, height: 40)) -> (WorkbenchState, Selection) {
        let state = Fixtures.state(size, cursor: Fixtures.index(of: id))
        return (state, Selection(state))
    }

    func testQueuePane() {
        let state = Fixtures.state(cursor: 2)
        let wide = render(Size(width: 56, height: 14)) { QueuePane.render(state, into: &$0, in: $1) }
        Snapshot.assert(wide.textDump(), named: "pane-queue")
        let narrow = render(Size(width: 24, height: 8)) { QueuePane.render(state, into: &$0, in: $1) }
        Snapshot.assert(narrow.textDump(), named: "pane-queue-narrow")
        let row = wide.styleDump([.selection: "S"], rect: Rect(x: 1, y: 3, width: 54, height: 1))
        XCTAssertGreaterThan(row.filter { $0 == "S" }.count, 45, "the cursor's row is highlighted: \(row)")
    }

    func testQueuePaneWhenEmptyOrSearching() {
        var state = Fixtures.state(items: [], filter: .awaitingReview)
        let empty = render(Size(width: 40, height: 6)) { QueuePane.render(state, into: &$0, in: $1) }
        Snapshot.assert(empty.textDump(), named: "pane-queue-empty")
        state.queue.query.search = "zebra"
        let searching = render(Size(width: 40, height: 6)) { QueuePane.render(state, into: &$0, in: $1) }
        XCTAssertTrue(searching.textDump().contains("No item matches \"zebra\"."))
    }

    func testItemPane() {
        let (_, item) = selection(2)
        Snapshot.assert(render(Size(width: 70, height: 7)) { ItemPane.render(item, into: &$0, in: $1) }.textDump(),
                        named: "pane-item")
    }

    /// After `h`: the words each candidate shares with the choice.
    func testCandidatesPaneHighlightsTheWordsSharedWithTheChoice() {
        var (state, item) = selection(1)
        state.settings.highlightsShared = true
        let grid = render(Size(width: 80, height: 12)) {
            CandidatesPane.render(item, expanded: nil, settings: state.settings, summary: true, into: &$0, in: $1)
        }
        Snapshot.assert(grid.textDump() + "\n\n" + grid.styleDump([.shared: "#", .choice: "*", .accent: "k", .text: " ", .muted: "."]),
                        named: "pane-candidates")
    }

    /// By default: the words a candidate does not share with the choice, none on the choice.
    func testCandidatesPaneMarksWhatACandidateDoesNotShare() {
        let (state, item) = selection(1)
        let grid = render(Size(width: 80, height: 12)) {
            CandidatesPane.render(item, expanded: nil, settings: state.settings, summary: true, into: &$0, in: $1)
        }
        Snapshot.assert(grid.textDump() + "\n\n" + grid.styleDump([.differs: "!", .choice: "*", .accent: "k", .text: " ", .muted: "."]),
                        named: "pane-candidates-differences")
    }

    func testCandidatesPaneSharesRowsAndExpandsOne() {
        let long = Fixtures.detail(
            20, instruction: "Explain photosynthesis.",
            texts: (0..<3).map { index in
                (0..<12).map { "Sentence \($0) of candidate \(index) about light and sugar." }.joined(separator: " ")
            })
        let state = Fixtures.state(items: [long])
        let selection = Selection(state)
        let fair = render(Size(width: 60, height: 14)) {
            CandidatesPane.render(selection, expanded: nil, settings: state.settings, summary: false, into: &$0, in: $1)
        }
        Snapshot.assert(fair.textDump(), named: "pane-candidates-shared-rows")
        let expanded = render(Size(width: 60, height: 14)) {
            CandidatesPane.render(selection, expanded: 1, settings: state.settings, summary: false, into: &$0, in: $1)
        }
        Snapshot.assert(expanded.textDump(), named: "pane-candidates-expanded")
    }

    func testCandidatesPaneShowsErrorsEditsAndStreaming() {
        let (failingState, failing) = selection(10)
        Snapshot.assert(render(Size(width: 70, height: 9)) {
            CandidatesPane.render(failing, expanded: nil, settings: failingState.settings, summary: false, into: &$0, in: $1)
        }.textDump(), named: "pane-candidates-error")
        let (editedState, edited) = selection(9)
        Snapshot.assert(render(Size(width: 70, height: 12)) {
            CandidatesPane.render(edited, expanded: nil, settings: editedState.settings, summary: false, into: &$0, in: $1)
        }.textDump(), named: "pane-candidates-edited")
        var live = LiveItem(ticket: 4, type: .b, instruction: "Name three rivers.")
        live.candidates = [LiveCandidate(member: "falcon-40b"), LiveCandidate(member: "flan-ul2")]
        live.candidates[0].text = "The Nile, the Amazon and the Yangtze."
        live.candidates[0].isFinished = true
        live.candidates[1].text = "Danube, Rhine"
        Snapshot.assert(render(Size(width: 60, height: 8)) {
            CandidatesPane.render(.live(live), expanded: nil, settings: WorkbenchSettings(), summary: false, into: &$0, in: $1)
        }.textDump(), named: "pane-candidates-streaming")
    }

    func testMatrixPane() {
        let (state, item) = selection(1)
        let grid = render(Size(width: 60, height: 7)) { MatrixPane.render(item, settings: state.settings, into: &$0, in: $1) }
        Snapshot.assert(grid.textDump() + "\n\n" + grid.styleDump(
            [.heat0: "0", .heat1: "1", .heat2: "2", .heat3: "3", .heat4: "4", .diagonal: "-", .choice: "*"]), named: "pane-matrix")
    }

    func testMatrixPaneWarnsOfFragileAndDiscardedDecisions() {
        var settings = WorkbenchSettings()
        settings.fragileAbove = 0.1
        let (_, fragile) = selection(6)
        Snapshot.assert(render(Size(width: 60, height: 7)) { MatrixPane.render(fragile, settings: settings, into: &$0, in: $1) }
            .textDump(), named: "pane-matrix-fragile")
        let (state, discarded) = selection(5)
        Snapshot.assert(render(Size(width: 60, height: 7)) { MatrixPane.render(discarded, settings: state.settings, into: &$0, in: $1) }
            .textDump(), named: "pane-matrix-discarded")
    }

    func testMatrixPaneWithManyCandidatesShowsTheColumnsThatFit() {
        let texts = (0..<9).map { "answer number \($0) shares words" }
        let state = Fixtures.state(items: [Fixtures.detail(30, instruction: "Many.", texts: texts)])
        let grid = render(Size(width: 48, height: 13)) { MatrixPane.render(Selection(state), settings: state.settings, into: &$0, in: $1) }
        Snapshot.assert(grid.textDump(), named: "pane-matrix-nine")
    }

    func testStatusBar() {
        var state = Fixtures.state(Size(width: 100, height: 30))
        state.engine.isAttached = true
        state.engine.stored = 12
        state.engine.target = 100
        state.status.endpoints = [EndpointStatus(member: "falcon-40b", inFlight: 3, errors: 0, tokensPerSecond: 28.4),
                                  EndpointStatus(member: "flan-ul2", inFlight: 1, errors: 2, tokensPerSecond: 9.9)]
        let hints = render(Size(width: 100, height: 2)) { StatusBar.render(state, into: &$0, in: $1) }
        Snapshot.assert(hints.textDump(), named: "pane-status-bar")
        state.status.message = StatusMessage("accepted #12 (candidate 1)", .success)
        let message = render(Size(width: 100, height: 1)) { StatusBar.render(state, into: &$0, in: $1) }
        Snapshot.assert(message.textDump(), named: "pane-status-bar-message")
        state.overlay = .prompt(Prompt(.rejectReason(itemID: 12), text: "duplicate of #3"))
        let prompt = render(Size(width: 100, height: 2)) { StatusBar.render(state, into: &$0, in: $1) }
        Snapshot.assert(prompt.textDump(), named: "pane-status-bar-prompt")
    }

    func testAMemberServedByReplicasShowsEachOne() {
        var state = Fixtures.state(Size(width: 100, height: 30))
        state.engine.isAttached = true
        state.status.endpoints = [EndpointStatus(
            member: "falcon", inFlight: 3, tokensPerSecond: 40,
            replicas: [.init(inFlight: 2, isResting: false), .init(inFlight: 1, isResting: false), .init(inFlight: 0, isResting: true)])]
        let grid = render(Size(width: 100, height: 2)) { StatusBar.render(state, into: &$0, in: $1) }
        let line = grid.textDump()
        XCTAssertTrue(line.contains("falcon ⇅3 ✗0 40.0 t/s ●2 ●1 ◌0"), line)
        let resting = grid.cells.firstIndex { $0.glyph.base == UInt32(("◌" as Unicode.Scalar).value) }
        XCTAssertEqual(resting.map { grid.cells[$0].style }, .danger, "a resting replica is shown in the danger colour")
    }

    func testHelpOverlay() {
        var state = Fixtures.state(Size(width: 80, height: 24))
        state.overlay = .help(scroll: 0)
        Snapshot.assert(WorkbenchRenderer.render(state).textDump(), named: "overlay-help-80x24")
        state.overlay = .help(scroll: 1000)
        let bottom = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(bottom.contains(":help"), "scrolling reaches the last command")
    }

    func testWideAndHostileItemsRender() {
        for id: Int64 in [3, 4] {
            let state = Fixtures.state(Size(width: 100, height: 30), cursor: Fixtures.index(of: id))
            Snapshot.assert(WorkbenchRenderer.render(state).textDump(), named: "layout-item-\(id)-100x30")
        }
    }
}

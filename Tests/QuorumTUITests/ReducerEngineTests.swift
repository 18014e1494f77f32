import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

final class ReducerEngineTests: XCTestCase {
    func testLiveItemsStreamAndBecomeStoredRows() {
        var state = Fixtures.state(items: [Fixtures.healthy], filter: .awaitingReview)
        _ = state.apply(.itemStarted(ticket: 3, type: .a, instruction: "Convert 3 km to miles."))
        _ = state.apply(.candidateToken(ticket: 3, candidate: 0, member: "falcon-40b", text: "input: 3 km"))
        _ = state.apply(.instanceReady(ticket: 3, input: "3 km"))
        _ = state.apply(.candidateFinished(ticket: 3, candidate: 0, member: "falcon-40b", text: "1.86 miles", error: nil))
        _ = state.apply(.candidateToken(ticket: 3, candidate: 2, member: "flan-ul2", text: "About "))
        _ = state.apply(.candidateToken(ticket: 3, candidate: 2, member: "flan-ul2", text: "1.9"))
        XCTAssertEqual(state.entryCount, 2)
        guard case .live(let live) = state.entry(at: 1) else { return XCTFail("no live row") }
        XCTAssertEqual(live.input?.original, "3 km")
        XCTAssertEqual(live.candidates.map(\.text), ["1.86 miles", "", "About 1.9"])
        XCTAssertEqual(live.candidates.map(\.isFinished), [true, false, false])

        _ = state.apply(.candidateRestarted(ticket: 3, candidate: 2, member: "flan-ul2", reason: "HTTP 503"))
        guard case .live(let restarted) = state.entry(at: 1) else { return XCTFail("no live row") }
        XCTAssertEqual(restarted.candidates[2].text, "")
        XCTAssertEqual(restarted.candidates[2].retryReason, "HTTP 503")

        let texts = ["1.86 miles", "1.86 miles roughly", "About 1.86 miles"]
        XCTAssertEqual(state.apply(.itemStored(ticket: 3, itemID: 11)), [.loadArrivedItem(11)])
        XCTAssertEqual(state.live, [])
        let arrived = Fixtures.detail(11, instruction: "Convert 3 km to miles.", input: "3 km", texts: texts)
        XCTAssertEqual(arrived.item.status, .pending)
        _ = Workbench.reduce(&state, .itemArrived(arrived))
        XCTAssertEqual(state.queue.rows.map(\.itemID), [1, 11])
        XCTAssertEqual(state.status.counts?.waiting, 2)
    }

    func testTheCursorFollowsTheSelectedLiveItemToItsRow() {
        var state = Fixtures.state(items: [], filter: .awaitingReview)
        for ticket in 1...3 { _ = state.apply(.itemStarted(ticket: ticket, type: .b, instruction: "Item \(ticket)")) }
        XCTAssertEqual(state.queue.cursor, 0)
        func store(_ ticket: Int, as id: Int64) {
            _ = state.apply(.itemStored(ticket: ticket, itemID: id))
            _ = Workbench.reduce(&state, .itemArrived(Fixtures.detail(id, instruction: "Item \(ticket)", texts: ["a", "a"])))
        }
        store(1, as: 1)
        XCTAssertEqual(state.selectedEntry?.itemID, 1, "the selected live item is selected as a row")
        _ = Workbench.moveCursor(to: 2, &state)
        guard case .live(let selected) = state.selectedEntry else { return XCTFail("no live item selected") }
        store(2, as: 2)
        guard case .live(let still) = state.selectedEntry else { return XCTFail("the selection left the live item") }
        XCTAssertEqual(still.ticket, selected.ticket, "another item's arrival does not move the selection")
        XCTAssertNil(state.followedArrival)
    }

    /// Issue 16: a discarded arrival stays listed under a filter that hides discarded items,
    /// says why and how to rescue it; a filtered instance says it was dropped.
    func testNothingLeavesWithoutAWord() {
        var state = Fixtures.state(items: [Fixtures.healthy], filter: .awaitingReview)
        _ = state.apply(.itemStarted(ticket: 1, type: .b, instruction: "Name a prime number."))
        _ = state.apply(.itemStored(ticket: 1, itemID: 5))
        var discarded = Fixtures.discarded
        discarded.item.id = 5
        XCTAssertEqual(discarded.item.status, .discarded)
        _ = Workbench.reduce(&state, .itemArrived(discarded))
        XCTAssertEqual(state.queue.rows.map(\.itemID), [1, 5], "the discarded item stays in the queue")
        XCTAssertEqual(state.queue.rows.last?.status, .discarded)
        XCTAssertEqual(state.status.counts?[.discarded], Fixtures.state(items: [Fixtures.healthy]).status.counts![.discarded] + 1)
        let message = try? XCTUnwrap(state.status.message)
        XCTAssertEqual(message?.severity, .warning)
        XCTAssertTrue(message?.text.contains("#5 was discarded: its candidates do not agree; 0–9 takes a candidate anyway") == true,
                      message?.text ?? "")

        _ = state.apply(.itemStarted(ticket: 2, type: .b, instruction: "Say something off topic."))
        _ = state.apply(.instanceFiltered(ticket: 2))
        XCTAssertTrue(state.status.message?.text.contains("dropped the instance of “Say something off topic.”") == true)
    }

    /// Issue 15: a rerun that returns the very same texts says so.
    func testARerunIdenticalToTheSetBeforeSaysSo() {
        var state = Fixtures.state(items: [Fixtures.healthy])
        XCTAssertEqual(state.apply(.rerunStored(ticket: 1 << 40, itemID: 1)), [.loadItem(1)])
        _ = Workbench.reduce(&state, .itemLoaded(Fixtures.healthy))
        XCTAssertEqual(state.status.message?.severity, .warning)
        XCTAssertTrue(state.status.message?.text.contains("#1 has new candidates, the same 3 texts as before") == true)
        XCTAssertEqual(state.rerunBefore, [:])

        _ = state.apply(.rerunStored(ticket: 1 << 40, itemID: 1))
        let changed = Fixtures.detail(1, instruction: "Give three tips for staying healthy.", texts: ["New.", "New.", "Other."])
        _ = Workbench.reduce(&state, .itemLoaded(changed))
        XCTAssertFalse(state.status.message?.text.contains("same") == true)
    }

    func testFilteredInstancesDisappearAndKeepTheCursorInRange() {
        var state = Fixtures.state(items: [Fixtures.healthy], filter: .awaitingReview)
        _ = state.apply(.itemStarted(ticket: 1, type: .b, instruction: "One"))
        _ = Workbench.moveCursor(to: 1, &state)
        _ = state.apply(.instanceFiltered(ticket: 1))
        XCTAssertEqual(state.queue.cursor, 0)
        XCTAssertEqual(state.entryCount, 1)
    }

    func testLiveItemsAreHiddenUnderOtherFiltersAndSearches() {
        var state = Fixtures.state(items: [Fixtures.healthy], filter: .status(.accepted))
        _ = state.apply(.itemStarted(ticket: 1, type: .b, instruction: "One"))
        XCTAssertEqual(state.entryCount, 1)
    }

    func testEngineErrorsAreShownAndNeverQuit() {
        var state = Fixtures.state()
        XCTAssertEqual(state.apply(.memberFailed(member: "flan-ul2", error: "HTTP 500")), [])
        XCTAssertEqual(state.status.message, StatusMessage("flan-ul2: HTTP 500", .error))
        XCTAssertEqual(state.engine.lastError, "flan-ul2: HTTP 500")
        XCTAssertFalse(state.isQuitting)
        _ = state.apply(.progress(stored: 4, target: 10))
        XCTAssertEqual(state.engine.stored, 4)
        XCTAssertEqual(state.engine.target, 10)
    }

    func testAStartingEngineSaysSoUntilItRunsOrFails() {
        var state = Fixtures.state()
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("engine off"))
        _ = Workbench.reduce(&state, .engineStarting)
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("◌ engine starting"))
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("r"))), [])
        XCTAssertEqual(state.status.message?.text, "reruns need the engine, and it is still starting")
        _ = Workbench.reduce(&state, .engineStatus(attached: false, paused: false))
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("engine off"), "it failed to start")
        _ = Workbench.reduce(&state, .key(.character("p")))
        XCTAssertEqual(state.status.message?.severity, .warning)
        _ = Workbench.reduce(&state, .engineStarting)
        _ = Workbench.reduce(&state, .engineStatus(attached: true, paused: false))
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("▶ running"))
    }

    func testMemberStatisticsFeedTheStatusBar() {
        var state = Fixtures.state()
        let statistics = EndpointStatus(member: "falcon-40b", inFlight: 2, errors: 1, tokensPerSecond: 31.5)
        _ = Workbench.reduce(&state, .memberStatistics([statistics]))
        XCTAssertEqual(state.status.endpoints, [EndpointStatus(member: "falcon-40b", inFlight: 2, errors: 1, tokensPerSecond: 31.5)])
    }

    func testTheEnginePausesWhenTheBacklogIsFullAndResumesAsTheCuratorCatchesUp() {
        var state = Fixtures.state()
        state.engine.maxAwaitingReview = 5
        XCTAssertEqual(Workbench.reduce(&state, .engineStatus(attached: true, paused: false)), [])
        var counts = StatusCounts()
        counts[.pending] = 5
        XCTAssertEqual(Workbench.reduce(&state, .countsLoaded(counts)), [.setEnginePaused(true)])
        XCTAssertTrue(state.engine.isPausedForBacklog)
        _ = Workbench.reduce(&state, .engineStatus(attached: true, paused: true))
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("p"))), [], "p explains the backlog pause")
        counts[.pending] = 4
        XCTAssertEqual(Workbench.reduce(&state, .countsLoaded(counts)), [.setEnginePaused(false)])
    }

    func testAnOutputsRerunStreamsInPlaceOfItsItemAndCanBeUndone() {
        var state = Fixtures.state()
        state.engine.isAttached = true
        guard case .rerun(_, _, let ticket)? = Workbench.reduce(&state, .key(.character("r"))).first else {
            return XCTFail("no rerun asked for")
        }
        _ = state.apply(.candidateToken(ticket: ticket, candidate: 1, member: "flan-ul2", text: "Drink water"))
        XCTAssertEqual(state.live, [], "a rerun is not a new queue entry")
        guard case .stored(let before) = Selection(state) else { return XCTFail("the previous set is not shown") }
        XCTAssertEqual(before.setPlace?.streaming?.started, 2, "the previous set stays, saying the new one streams")
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("rerun streaming 0/2 in (] shows it)"))
        _ = Workbench.reduce(&state, .key(.character("]")))
        guard case .live(let shown) = Selection(state) else { return XCTFail("the rerun is not shown") }
        XCTAssertEqual(shown.rerunOf, 1)
        XCTAssertEqual(shown.candidates.map(\.text), ["", "Drink water"])
        let snapshot = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(snapshot.contains("rerun streaming"), snapshot)

        XCTAssertEqual(state.apply(.rerunStored(ticket: ticket, itemID: 1)),
                       [.loadItem(1)])
        XCTAssertNil(state.rerun(of: 1))
        _ = Workbench.reduce(&state, .rerunEnded(ticket: ticket, itemID: 1, decisionID: 77, failure: nil))
        XCTAssertEqual(state.undoTrail, [DecisionReference(itemID: 1, decisionID: 77)])
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("u"))).first, .undo(itemID: 1, decisionID: 77))
    }

    func testAnInstanceRerunStoresANewItemAndRefreshesTheOldOne() {
        var state = Fixtures.state()
        state.engine.isAttached = true
        guard case .rerun(_, .instance, let ticket)? = Workbench.reduce(&state, .key(.character("R"))).first else {
            return XCTFail("no rerun asked for")
        }
        _ = state.apply(.itemStarted(ticket: ticket, type: .a, instruction: "Give three tips for staying healthy."))
        _ = state.apply(.instanceReady(ticket: ticket, input: "for a student"))
        XCTAssertEqual(state.live, [])
        XCTAssertEqual(state.rerun(of: 1)?.input?.original, "for a student")
        XCTAssertEqual(state.apply(.itemStored(ticket: ticket, itemID: 5)),
                       [.loadArrivedItem(5), .loadItem(1)])
        XCTAssertNil(state.rerun(of: 1))
    }

    func testRerunsRefreshTheItem() {
        var state = Fixtures.state()
        _ = state.apply(.itemStarted(ticket: 9, type: .b, instruction: "Rerun"))
        XCTAssertEqual(state.apply(.rerunStored(ticket: 9, itemID: 1)), [.loadItem(1)])
    }
}

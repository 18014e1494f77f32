import QuorumStore
import XCTest
@testable import QuorumTUI

/// On a team's store the status bar says who else works and how far the team is, and the
/// stats view ends with the team's figures.
final class TeamStatusTests: XCTestCase {
    func testTheStatusBarNamesTheOthersAndTheTeamsProgress() {
        var state = Fixtures.state(Size(width: 120, height: 30))
        state.queue.query.filter = .awaitingReview
        let team = TeamStatus(
            others: [TeamStatus.Curator(name: "bob", leased: 25), TeamStatus.Curator(name: "carol", leased: 3)],
            reviewsPerItem: 2, resolved: 10, open: 50, contested: 2)
        XCTAssertEqual(Workbench.reduce(&state, .teamStatus(team)), [])
        var text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("team 2 reviews · bob 25 · carol 3  │ 10 resolved · 50 open · 2 contested"), text)
        XCTAssertFalse(text.contains("engine off"), text)
        XCTAssertTrue(text.contains("Queue · awaiting review · yours"), text)

        var lost = team
        lost.isConnected = false
        _ = Workbench.reduce(&state, .teamStatus(lost))
        text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("team: store lost, reconnecting…"), text)

        _ = Workbench.reduce(&state, .teamStatus(TeamStatus()))
        XCTAssertTrue(WorkbenchRenderer.render(state).textDump().contains("team · nobody else  │ 0 resolved · 0 open"))

        // The engine that only reruns there leaves the team's line in place.
        _ = Workbench.reduce(&state, .engineStatus(attached: true, paused: true))
        text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("team · nobody else  │ 0 resolved · 0 open  │ ↻ reruns"), text)
        XCTAssertFalse(text.contains("paused"), text)
    }

    func testTheStatsViewEndsWithTheTeam() {
        var state = Fixtures.state(Size(width: 100, height: 60))
        _ = Workbench.runCommandLine("stats", &state)
        let lines = ["curators:", "  ana: 3 decisions, 1 overrides of the consensus, 3 items decided", "  kappa ana / bo: 0.500 on 4 shared items"]
        _ = Workbench.reduce(&state, .statsLoaded(StatsSnapshot(storePath: "postgresql://q@h:1/d", stats: StoreStats(items: 0, decisions: 0, counts: [:], members: [], curatorAgreement: nil), team: lines)))
        _ = Workbench.reduce(&state, .key(.character("G")))
        let text = WorkbenchRenderer.render(state).textDump()
        XCTAssertTrue(text.contains("Team"), text)
        XCTAssertTrue(text.contains("kappa ana / bo: 0.500 on 4 shared items"), text)
    }

    func testDInTheStatsViewListsTheDisagreementsAndAgainGoesBack() {
        var state = Fixtures.state(Size(width: 100, height: 40))
        state.queue.query.filter = .awaitingReview
        let stats = StoreStats(items: 0, decisions: 0, counts: [:], members: [], curatorAgreement: nil)
        func openStats() {
            _ = Workbench.runCommandLine("stats", &state)
            _ = Workbench.reduce(&state, .statsLoaded(StatsSnapshot(storePath: "p", stats: stats, team: ["x"], disagreements: [3, 7])))
        }
        openStats()
        let effects = Workbench.reduce(&state, .key(.character("d")))
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.queue.query.itemIDs, [3, 7])
        XCTAssertEqual(state.queue.query.filter, .all)
        XCTAssertTrue(effects.contains { if case .loadPage(let query, _, _, _) = $0 { query.itemIDs == [3, 7] } else { false } }, "\(effects)")
        XCTAssertTrue(state.status.message?.text.contains("the 2 items curators disagree on") == true)
        openStats()
        _ = Workbench.reduce(&state, .key(.character("d")))
        XCTAssertNil(state.queue.query.itemIDs)
    }
}

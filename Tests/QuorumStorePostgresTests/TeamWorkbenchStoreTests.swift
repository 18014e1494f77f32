import Foundation
import QuorumCore
import QuorumSession
import QuorumStore
import QuorumTestSupport
import QuorumTUI
import XCTest
@testable import QuorumStorePostgres

/// Two curators' workbenches on one PostgreSQL store: each queue lists its own leases, a
/// decision is the team's at once and reaches the other's mirror through LISTEN, an item
/// another holds is not decided, and quitting gives the leases back.
final class TeamWorkbenchStoreTests: PostgresTestCase {
    func testTwoCuratorsGetTheirOwnItemsAndSeeEachOthersDecisions() async throws {
        try importItems(60)
        let alice = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let bob = try await TeamWorkbenchStore.open(location, curator: "bob", environment: environment)
        let aliceQueue = try await leasedQueue(alice)
        let bobQueue = try await leasedQueue(bob)
        XCTAssertEqual(aliceQueue.count, 25)
        XCTAssertEqual(bobQueue.count, 25)
        XCTAssertTrue(Set(aliceQueue).isDisjoint(with: bobQueue), "\(aliceQueue) and \(bobQueue)")

        let inbox = WorkbenchInbox()
        let watching = Task { await bob.watch(inbox) }
        defer { watching.cancel() }
        // Bob's listener is up once his presence has been posted.
        try await pollUntil("bob's workbench to hear from the store") {
            inbox.drain().contains { if case .teamStatus = $0 { return true } else { return false } }
        }
        let decided = aliceQueue[0]
        _ = try await alice.record(.accept, on: decided, curator: "alice")
        let team = try await openStore()
        let teamStatus = try await status(of: decided, in: team)
        XCTAssertEqual(teamStatus, "accepted")
        try await pollUntil("alice's decision in bob's mirror", within: 1.5) {
            (try? await bob.item(decided).item.status) == .accepted
        }

        do {
            _ = try await alice.record(.accept, on: bobQueue[0], curator: "alice")
            XCTFail("alice decided an item leased to bob")
        } catch {
            XCTAssertTrue("\(error)".contains("is with other curators"), "\(error)")
        }
        let report = try await bob.teamReport().lines
        XCTAssertTrue(report.contains("  alice: 1 decisions, 0 overrides of the consensus, 1 items decided"), "\(report)")
        XCTAssertTrue(report.last?.hasPrefix("team: reviews_per_item = 1") == true, "\(report)")
        await alice.close()
        let aliceLeases = try await team.leasedItems(of: "alice")
        XCTAssertEqual(aliceLeases, [])
        await bob.close()
        await team.close()
    }

    func testTheQueueClaimsUnderItsFilterAndGivesBackWhatANewFilterDoesNotList() async throws {
        try importItems(60)
        let alice = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let team = try await openStore()
        let filter = try FilterExpression.parse(#"text ~ "Question 1""#)
        let filtered = try await alice.queueListing(
            QueueSelection(statuses: ItemStatus.awaitingReview, filter: filter), matching: nil, after: .start, scanning: 1_000,
            limit: 1_000
        ).rows.map(\.itemID)
        XCTAssertEqual(filtered, [1] + Array(10...19), "only the items the filter passes are claimed")
        let leasedFiltered = try await team.leasedItems(of: "alice")
        XCTAssertEqual(leasedFiltered, filtered)

        let other = try FilterExpression.parse(#"text ~ "Question 2""#)
        let second = try await alice.queueListing(
            QueueSelection(statuses: ItemStatus.awaitingReview, filter: other), matching: nil, after: .start, scanning: 1_000,
            limit: 1_000
        ).rows.map(\.itemID)
        XCTAssertEqual(second, [2] + Array(20...29))
        let leasedSecond = try await team.leasedItems(of: "alice")
        XCTAssertEqual(leasedSecond, second, "the first filter's items went back to the pool")
        await alice.close()
        await team.close()
    }

    func testWhatChangedBeforeTheWorkbenchListenedIsReadOnceItDoes() async throws {
        try importItems(5)
        let alice = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let team = try await openStore()
        try await team.decide(.reject(reason: "meanwhile"), itemID: 3, curator: "bob")
        try importItems(2)
        let inbox = WorkbenchInbox()
        let watching = Task { await alice.watch(inbox) }
        defer { watching.cancel() }
        try await pollUntil("bob's decision and the new items in alice's mirror") {
            let status = try? await alice.item(3).item.status
            let latest = try? await alice.latestItemID()
            return status == .rejected && latest == 7
        }
        await alice.close()
        await team.close()
    }

    func testUnderTwoReviewsEachCuratorSeesTheirOwnOutcomeUntilTheTeamsIsIn() async throws {
        try importItems(5)
        let team = try await openStore()
        try await team.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
        let alice = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let bob = try await TeamWorkbenchStore.open(location, curator: "bob", environment: environment)
        // With two reviews per item both hold every item.
        let aliceQueue = try await leasedQueue(alice)
        let bobQueue = try await leasedQueue(bob)
        XCTAssertEqual(aliceQueue, [1, 2, 3, 4, 5])
        XCTAssertEqual(bobQueue, [1, 2, 3, 4, 5])

        _ = try await alice.record(.reject(reason: "vague"), on: 1, curator: "alice")
        let aliceView = try await alice.item(1)
        XCTAssertEqual(aliceView.item.status, .rejected, "alice sees her own review")
        let remaining = try await leasedQueue(alice)
        XCTAssertEqual(remaining, [2, 3, 4, 5], "her queue moves on")
        let pending = try await status(of: 1, in: team)
        XCTAssertEqual(pending, "pending", "the team waits for a second review")

        _ = try await bob.record(.reject(reason: "vague too"), on: 1, curator: "bob")
        let resolved = try await status(of: 1, in: team)
        XCTAssertEqual(resolved, "rejected")
        await alice.close()
        await bob.close()
        await team.close()
    }

    func testTheLeadFindsTheContestedItemsUnderTheFilterAndTheMarkLeavesOnceResolved() async throws {
        try importItems(5)
        let team = try await openStore()
        // A failure is reported, and the team store closed, rather than crashing the run.
        do {
            try await team.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .lead("lea")))
            try await team.decide(.accept, itemID: 2, curator: "ana")
            try await team.decide(.reject(reason: "vague"), itemID: 2, curator: "bo")
            try await team.decide(.accept, itemID: 4, curator: "ana")
            try await team.decide(.accept, itemID: 4, curator: "bo")
            let lead = try await TeamWorkbenchStore.open(location, curator: "lea", environment: environment)
            let contested = try FilterExpression.parse("contested")
            let listed = try await lead.queueListing(
                QueueSelection(statuses: ItemStatus.awaitingReview, filter: contested), matching: nil, after: .start,
                scanning: 1_000, limit: 1_000
            ).rows.map(\.itemID)
            XCTAssertEqual(listed, [2], "the filter lists exactly the item whose reviews disagree")
            let everyStatus = try await lead.queueListing(
                QueueSelection(statuses: ItemStatus.allCases, filter: contested), matching: nil, after: .start, scanning: 1_000,
                limit: 1_000
            ).rows.map(\.itemID)
            XCTAssertEqual(everyStatus, [2])
            _ = try await lead.record(.reject(reason: "vague"), on: 2, curator: "lea")
            let afterResolution = try await lead.queueListing(
                QueueSelection(statuses: ItemStatus.allCases, filter: contested), matching: nil, after: .start, scanning: 1_000,
                limit: 1_000
            ).rows.map(\.itemID)
            XCTAssertEqual(afterResolution, [], "the lead's decision left the item marked contested in the mirror")
            let resolved = try await status(of: 2, in: team)
            XCTAssertEqual(resolved, "rejected")
            await lead.close()
        } catch {
            XCTFail("\(error)")
        }
        await team.close()
    }

    func testARestartIsSaidAndTheWorkbenchesCarryOn() async throws {
        let clusterFolder = environment["QUORUM_TEST_POSTGRES_DIR"] ?? ""
        try XCTSkipIf(clusterFolder.isEmpty, "the server is not a throwaway cluster this test may restart")
        try importItems(60)
        let alice = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let bob = try await TeamWorkbenchStore.open(location, curator: "bob", environment: environment)
        let aliceQueue = try await leasedQueue(alice)
        _ = try await leasedQueue(bob)
        let aliceInbox = WorkbenchInbox(), bobInbox = WorkbenchInbox()
        let watching = [Task { await alice.watch(aliceInbox) }, Task { await bob.watch(bobInbox) }]
        defer { for task in watching { task.cancel() } }
        var aliceSaw: [WorkbenchAction] = []
        try await pollUntil("both workbenches to hear from the store") {
            aliceSaw += aliceInbox.drain()
            return aliceSaw.contains { if case .teamStatus = $0 { true } else { false } }
                && bobInbox.drain().contains { if case .teamStatus = $0 { true } else { false } }
        }

        let restart = Process()
        restart.executableURL = FakeServerProcess.repositoryRoot.appendingPathComponent("scripts/postgres-cluster.sh")
        restart.arguments = ["restart", clusterFolder]
        try restart.run()
        // Foundation does not see this child end (the server keeps a descriptor it watches).
        var exit: Int32 = 0
        try await pollUntil("the cluster to restart", within: 90) {
            waitpid(restart.processIdentifier, &exit, WNOHANG) == restart.processIdentifier
        }
        XCTAssertEqual((exit >> 8) & 0xff, 0, "postgres-cluster.sh restart failed")
        // The connection the workbench had is gone: the decision is retried on a new one.
        let decision = try await alice.record(.accept, on: aliceQueue[0], curator: "alice")
        try await pollUntil("alice's workbench to say the store was lost and is back") {
            aliceSaw += aliceInbox.drain()
            let statuses = aliceSaw.compactMap { action -> Bool? in
                if case .teamStatus(let status) = action { return status.isConnected } else { return nil }
            }
            return statuses.contains(false) && statuses.last == true
        }
        try await pollUntil("alice's decision in bob's mirror after the restart", within: 15) {
            (try? await bob.item(aliceQueue[0]).item.status) == .accepted
        }
        let team = try await openStore()
        let stored = try await team.query("SELECT COUNT(*) FROM decisions WHERE item_id = \(aliceQueue[0])").decode(Int.self).first { _ in true }
        XCTAssertEqual(stored, 1, "decision \(decision.id ?? 0) stored once")
        await alice.close()
        await bob.close()
        await team.close()
    }

    private func status(of itemID: Int64, in store: PostgresStore) async throws -> String? {
        try await store.query("SELECT status FROM items WHERE id = \(itemID)").decode(String.self).first { _ in true }
    }

    private func pollUntil(
        _ what: String, within seconds: Double = 10, _ condition: () async -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !(await condition()) {
            if ContinuousClock.now > deadline { throw WaitTimeout(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

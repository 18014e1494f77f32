import Foundation
import GRDB
import QuorumCore
import QuorumSession
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// A curator's mirror is kept between sessions and read again only where the team's store
/// changed; one of another store, another policy or in use by another workbench is not used.
final class TeamMirrorTests: PostgresTestCase {
    /// The kept mirror's file (there is one per store and curator).
    private func keptMirror() throws -> String {
        let mirrors = folder.appendingPathComponent("mirrors").path
        let files = try FileManager.default.contentsOfDirectory(atPath: mirrors).filter { $0.hasSuffix(".sqlite") }
        XCTAssertEqual(files.count, 1, "\(files)")
        return mirrors + "/" + (files.first ?? "")
    }

    /// Changes an item's text in the kept mirror behind the workbench's back: a mirror read
    /// again from the store loses the change, one caught up keeps it (the item did not change).
    private func markKeptMirror(item: Int64) throws {
        let queue = try DatabaseQueue(path: try keptMirror())
        try queue.write { try $0.execute(sql: "UPDATE items SET instruction = 'kept' WHERE id = ?", arguments: [item]) }
        try queue.close()
    }

    func testAKeptMirrorIsCaughtUpWithWhatChangedWhileNoWorkbenchWasOpen() async throws {
        try importItems(10)
        let first = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        XCTAssertTrue(first.keepsMirror)
        let queue = try await leasedQueue(first)
        _ = try await first.record(.accept, on: queue[0], curator: "alice")
        await first.close()
        try markKeptMirror(item: 9)

        let team = try await openStore()
        try await team.decide(.reject(reason: "meanwhile"), itemID: 2, curator: "bob")
        try await team.skip(3, curator: "bob")
        await team.close()
        try importItems(3)

        let again = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        XCTAssertTrue(again.keepsMirror)
        let nine = try await again.item(9).item.instruction
        XCTAssertEqual(nine, "kept", "the whole store was read again instead of what changed")
        let own = try await again.item(queue[0]).item.status
        XCTAssertEqual(own, .accepted)
        let bobs = try await again.item(2).item.status
        XCTAssertEqual(bobs, .rejected, "bob's decision while alice was away is not in her mirror")
        let latest = try await again.latestItemID()
        XCTAssertEqual(latest, 13, "the items imported while alice was away are not in her mirror")
        let counts = try await again.countsByStatus()
        XCTAssertEqual(counts[.pending], 11)
        await again.close()
        let file = try DatabaseQueue(path: try keptMirror())
        let skips = try await file.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM skips WHERE item_id = 3") }
        try file.close()
        XCTAssertEqual(skips, 1, "bob's skip while alice was away is not in her mirror")
    }

    func testAMirrorOfAnotherStoreOrPolicyIsMadeAgain() async throws {
        try importItems(5)
        let first = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        await first.close()
        try markKeptMirror(item: 4)
        let team = try await openStore()
        try await team.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
        let underPolicy = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let afterPolicy = try await underPolicy.item(4).item.instruction
        XCTAssertEqual(afterPolicy, "Question 4?", "a mirror made under another policy was used")
        await underPolicy.close()

        try markKeptMirror(item: 4)
        try await team.query("UPDATE quorum_identity SET id = gen_random_uuid()")
        await team.close()
        let otherStore = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let afterIdentity = try await otherStore.item(4).item.instruction
        XCTAssertEqual(afterIdentity, "Question 4?", "a mirror of another store was used")
        await otherStore.close()
    }

    func testASecondWorkbenchOfTheCuratorGetsAMirrorOfItsOwn() async throws {
        try importItems(30)
        let first = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        let second = try await TeamWorkbenchStore.open(location, curator: "alice", environment: environment)
        XCTAssertTrue(first.keepsMirror)
        XCTAssertFalse(second.keepsMirror, "two workbenches shared one kept mirror")
        let firstQueue = try await leasedQueue(first)
        let secondQueue = try await leasedQueue(second)
        XCTAssertTrue(Set(firstQueue).isDisjoint(with: secondQueue), "\(firstQueue) and \(secondQueue)")
        _ = try await second.record(.accept, on: secondQueue[0], curator: "alice")
        let seen = try await second.item(secondQueue[0]).item.status
        XCTAssertEqual(seen, .accepted)
        await second.close()
        await first.close()
        let kept = try keptMirror()
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept))
    }
}

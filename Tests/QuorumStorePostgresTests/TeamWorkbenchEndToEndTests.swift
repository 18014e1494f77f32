import Foundation
import QuorumSession
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

extension PostgresTestCase {
    /// The workbench's queue of items awaiting review: the items leased to its curator.
    func leasedQueue(_ store: TeamWorkbenchStore) async throws -> [Int64] {
        try await store.queueListing(
            QueueSelection(statuses: ItemStatus.awaitingReview), matching: nil, after: .start, scanning: 1_000, limit: 1_000
        ).rows.map(\.itemID)
    }

    /// Imports `count` items into the test's store, each with a consensus to accept.
    func importItems(_ count: Int) throws {
        let lines = (1...count).map { #"{"instruction": "Question \#($0)?", "input": "", "candidates": ["yes \#($0)", "yes \#($0)", "no"], "members": ["a", "b", "c"]}"# }
        _ = try write(lines.joined(separator: "\n") + "\n", to: "items.jsonl")
        let imported = try QuorumBinary.run(["import", "--store", url(location), "items.jsonl"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)
    }
}

/// Two curators' workbenches, the real binary in tmux, on one PostgreSQL store: each sees
/// the other working, a decision of one reaches the other's status bar, and quitting gives
/// the leases back.
final class TeamWorkbenchEndToEndTests: PostgresTestCase {
    private func workbench(_ curator: String) throws -> TmuxSession {
        let home = folder.appendingPathComponent(curator)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let command = "cd '\(home.path)' && QUORUM_MIRROR_DIR='\(home.path)/mirrors' '\(try QuorumBinary.path())' review "
            + "--store '\(url(location))' "
            + "--curator \(curator) --themes '\(QuorumBinary.themes)'"
        return try TmuxSession(folder: home, width: 120, height: 30, command: command)
    }

    func testTwoWorkbenchesShareTheQueueAndSeeEachOther() async throws {
        try importItems(60)
        let alice = try workbench("alice")
        let bob = try workbench("bob")
        try alice.waitForScreen(containing: "bob 25")
        try bob.waitForScreen(containing: "alice 25")
        try bob.waitForScreen(containing: "0 resolved · 60 open")
        try alice.sendKeys("a")
        try bob.waitForScreen(containing: "alice 24  │ 1 resolved · 59 open", timeout: 5)
        let team = try await openStore()
        let aliceItems = try await team.leasedItems(of: "alice")
        let bobItems = try await team.leasedItems(of: "bob")
        XCTAssertEqual(aliceItems.count, 25)
        XCTAssertTrue(Set(aliceItems).isDisjoint(with: bobItems), "\(aliceItems) and \(bobItems)")
        try alice.sendKeys("q")
        XCTAssertEqual(try alice.waitForExit().status, 0)
        try bob.waitForScreen(containing: "nobody else", timeout: 5)
        try bob.sendKeys("q")
        XCTAssertEqual(try bob.waitForExit().status, 0)
        let left = try await team.query("SELECT COUNT(*) FROM leases").decode(Int.self).first { _ in true }
        XCTAssertEqual(left, 0, "quitting gives the leases back")
        let accepted = try await team.query("SELECT COUNT(*) FROM decisions WHERE curator = 'alice'").decode(Int.self).first { _ in true }
        XCTAssertEqual(accepted, 1)
        await team.close()
    }

    func testRInATeamWorkbenchRerunsTheItemIntoTheTeamsStore() async throws {
        try importItems(5)
        let server = try FakeServerProcess(arguments: ["--latency", "0.02"])
        defer { server.stop() }
        let home = folder.appendingPathComponent("alice")
        XCTAssertEqual(try QuorumBinary.run(["init", home.path], in: folder).status, 0)
        try InitFolderConfig.pointMembers(in: home, at: server.baseURL())
        let alice = try workbench("alice")
        try alice.waitForScreen(containing: "the engine reruns here")
        try alice.sendKeys("r")
        try alice.waitForScreen(containing: "· rerun 1", timeout: 20)
        try alice.sendKeys("q")
        XCTAssertEqual(try alice.waitForExit().status, 0)
        let team = try await openStore()
        let reruns = try await team.query("SELECT item_id, curator FROM decisions WHERE kind = 'rerun'")
            .decode((Int64, String).self).collect()
        XCTAssertEqual(reruns.map(\.1), ["alice"])
        let sets = try await team.query("SELECT COUNT(*) FROM candidate_sets WHERE item_id = \(reruns.first?.0 ?? 0)")
            .decode(Int.self).first { _ in true }
        XCTAssertEqual(sets, 2)
        await team.close()
    }
}

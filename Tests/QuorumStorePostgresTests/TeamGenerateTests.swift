import Foundation
import QuorumEngine
import QuorumSession
import QuorumStore
import QuorumTestSupport
import QuorumTUI
import XCTest
@testable import QuorumStorePostgres

/// `quorum generate --store postgresql://…`: the engine runs into a local store and each
/// finished item reaches the team's store, and an open workbench, as it comes; a second
/// engine on the same team store is refused.
final class TeamGenerateTests: PostgresTestCase {
    private var server: FakeServerProcess!

    // After the async setUp (the server's database), once the temporary folder exists.
    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try FakeServerProcess(arguments: ["--latency", "0.02"])
        XCTAssertEqual(try QuorumBinary.run(["init", folder.path], in: folder).status, 0)
        try InitFolderConfig.pointMembers(in: folder, at: server.baseURL())
    }

    override func tearDown() async throws {
        server?.stop()
        try await super.tearDown()
    }

    func testTheEngineFeedsTheTeamsStoreAndAnOpenWorkbench() async throws {
        let ana = try await TeamWorkbenchStore.open(location, curator: "ana", environment: environment)
        let inbox = WorkbenchInbox()
        let watching = Task { await ana.watch(inbox) }
        defer { watching.cancel() }
        let generated = try QuorumBinary.run(["generate", "--count", "12", "--store", url(location)], in: folder)
        XCTAssertEqual(generated.status, 0, generated.standardError)
        XCTAssertTrue(generated.standardError.contains("each finished item goes to"), generated.standardError)
        let team = try await openStore()
        let runs = try await team.query("SELECT source, (SELECT COUNT(*) FROM items i WHERE i.run_id = r.id) FROM runs r")
            .decode((String, Int).self).collect()
        XCTAssertEqual(runs.count, 1, "\(runs)")
        XCTAssertEqual(runs.first?.1, 12)
        XCTAssertTrue(runs.first?.0.hasPrefix("generate, fed from quorum-feed-") == true, "\(runs)")
        let local = try Store.open(at: folder.appendingPathComponent(TeamGeneration.plan(url(location))!.localPath).path, access: .read)
        let localItems = try await local.items(withStatus: ItemStatus.allCases, limit: 100).map(\.item.instruction)
        try local.close()
        let teamItems = try await team.query("SELECT instruction FROM items ORDER BY id").decode(String.self).collect()
        XCTAssertEqual(teamItems, localItems, "the team's store holds the engine's items in its order")
        let deadline = ContinuousClock.now + .seconds(10)
        while try await ana.latestItemID() < 12, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let seen = try await ana.countsByStatus().values.reduce(0, +)
        XCTAssertEqual(seen, 12, "the open workbench's mirror has every item")
        await ana.close()

        // Another engine holds the feed: this one is refused before it generates anything.
        try await team.query("SELECT pg_advisory_lock(\(PostgresStore.feedLock))")
        let second = try QuorumBinary.run(["generate", "--count", "2", "--store", url(location)], in: folder)
        XCTAssertEqual(second.status, 65, second.standardError)
        XCTAssertTrue(second.standardError.contains("another engine is feeding"), second.standardError)
        await team.close()
    }

    func testTheWorkbenchsEngineRerunsOnTheTeamsStoreAndMakesNoNewInstance() async throws {
        let generated = try QuorumBinary.run(["generate", "--count", "3", "--store", url(location)], in: folder)
        XCTAssertEqual(generated.status, 0, generated.standardError)
        let ana = try await TeamWorkbenchStore.open(location, curator: "ana", environment: environment)
        let bob = try await TeamWorkbenchStore.open(location, curator: "bob", environment: environment)
        let team = try await openStore()
        let config = try QuorumConfigLoader.load(path: folder.appendingPathComponent("quorum.toml").path, environment: [:])
        let inbox = WorkbenchInbox()
        let engine = ana.rerunsOnlyEngine(config: config, inbox: inbox)
        var seen: [WorkbenchAction] = []
        func waitFor(_ what: String, _ found: @escaping (WorkbenchAction) -> Bool) async throws -> WorkbenchAction {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                seen += inbox.drain()
                if let action = seen.first(where: found) { return action }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw XCTSkip("never saw \(what) in \(seen)")
        }
        do {
            _ = try await waitFor("the engine attached") {
                if case .engineStatus(attached: true, paused: true) = $0 { return true } else { return false }
            }
            let held = try await bob.queueListing(
                QueueSelection(statuses: ItemStatus.awaitingReview), matching: nil, after: .start, scanning: 100, limit: 100
            ).rows.map(\.itemID)
            XCTAssertEqual(held, [1, 2, 3], "bob holds every item")
            engine.perform(.rerun(itemID: 1, .outputs, ticket: 1))
            let refused = try await waitFor("the rerun of bob's item ending") {
                if case .rerunEnded(ticket: 1, _, _, _) = $0 { return true } else { return false }
            }
            guard case .rerunEnded(_, _, _, let heldFailure) = refused else { return }
            XCTAssertTrue(heldFailure?.contains("is with other curators") == true, "\(String(describing: heldFailure))")

            await bob.close()
            let itemID: Int64 = 1
            engine.perform(.rerun(itemID: itemID, .outputs, ticket: 2))
            let ended = try await waitFor("the rerun ending") {
                if case .rerunEnded(ticket: 2, _, _, _) = $0 { return true } else { return false }
            }
            guard case .rerunEnded(_, _, let decisionID, let failure) = ended else { return }
            XCTAssertNil(failure)
            let log = try await team.query("SELECT kind, curator FROM decisions WHERE item_id = \(itemID) ORDER BY id")
                .decode((String, String).self).collect()
            XCTAssertEqual(log.map(\.0), ["rerun"])
            XCTAssertEqual(log.map(\.1), ["ana"])
            let sets = try await team.query("SELECT ordinal FROM candidate_sets WHERE item_id = \(itemID) ORDER BY ordinal")
                .decode(Int.self).collect()
            XCTAssertEqual(sets, [0, 1])
            let mirrored = try await ana.item(itemID)
            XCTAssertEqual(mirrored.candidateSet.ordinal, 1, "ana's mirror shows the new set")
            let undoable = try await ana.latestUndoableDecision(of: itemID)
            XCTAssertEqual(decisionID, undoable)

            engine.perform(.rerun(itemID: itemID, .instance, ticket: 3))
            let instance = try await waitFor("the instance rerun ending") {
                if case .rerunEnded(ticket: 3, _, _, _) = $0 { return true } else { return false }
            }
            guard case .rerunEnded(_, _, _, let instanceFailure) = instance else { return }
            XCTAssertTrue(instanceFailure?.contains("not made on a team's store") == true, "\(String(describing: instanceFailure))")
            let items = try await team.query("SELECT COUNT(*) FROM items").decode(Int.self).collect()
            XCTAssertEqual(items, [3], "an instance rerun added an item")
        } catch {
            XCTFail("\(error)")
        }
        await engine.stop()
        await ana.close()
        await team.close()
    }
}

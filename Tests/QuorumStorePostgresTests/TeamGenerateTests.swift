import Foundation
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
}

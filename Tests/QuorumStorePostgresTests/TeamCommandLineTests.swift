import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// `quorum store team`: a store adopts `[team]` from a config, decisions through the binary
/// follow it, and a bad table is refused with its file, line and key.
final class TeamCommandLineTests: PostgresTestCase {
    private func config(_ team: String) throws -> String {
        try write("""
            [[members]]
            name = "a"
            base_url = "http://127.0.0.1:8080/v1"
            model = "m"

            [[members]]
            name = "b"
            base_url = "http://127.0.0.1:8081/v1"
            model = "m"

            [team]
            \(team)
            """, to: "quorum.toml")
    }

    func testTwoReviewsThroughTheBinary() async throws {
        _ = try write(StoreFixture.jsonl, to: "data.jsonl")
        let store = url(location)
        XCTAssertEqual(try QuorumBinary.run(["import", "--store", store, "data.jsonl"], in: folder).status, 0)
        _ = try config("reviews_per_item = 2\nresolution = \"unanimous\"")
        let adopted = try QuorumBinary.run(["store", "team", "--config", "quorum.toml", "--store", store], in: folder)
        XCTAssertEqual(adopted.status, 0, adopted.standardError)
        XCTAssertTrue(adopted.standardError.contains("follows reviews_per_item = 2, resolution = \"unanimous\" now"), adopted.standardError)
        for curator in ["ana", "bo"] {
            let decided = try QuorumBinary.run(
                ["decide", "accept", "--filter", "rule = exact", "--store", store, "--curator", curator], in: folder)
            XCTAssertEqual(decided.status, 0, decided.standardError)
            let exported = try QuorumBinary.run(["export", "--store", store], in: folder)
            XCTAssertEqual(exported.status, 0, exported.standardError)
            XCTAssertEqual(exported.standardOutput.isEmpty, curator == "ana", "after \(curator): \(exported.standardOutput)")
        }
        let stats = try QuorumBinary.run(["stats", "--store", store], in: folder)
        XCTAssertTrue(stats.standardOutput.contains("team: reviews_per_item = 2"), stats.standardOutput)
        let contested = try QuorumBinary.run(["store", "team", "--contested", "--store", store], in: folder)
        XCTAssertEqual(contested.status, 0, contested.standardError)
        XCTAssertEqual(contested.standardOutput, "")
    }

    func testABadTeamTableAndASQLiteStoreAreRefused() throws {
        _ = try config("reviews_per_item = 2\nresolution = \"lead\"")
        let bad = try QuorumBinary.run(["store", "team", "--config", "quorum.toml", "--store", url(location)], in: folder)
        XCTAssertEqual(bad.status, 78)
        XCTAssertTrue(bad.standardError.contains("quorum.toml:"), bad.standardError)
        XCTAssertTrue(bad.standardError.contains("team.lead"), bad.standardError)
        let sqlite = try QuorumBinary.run(["store", "team", "--store", "local.sqlite"], in: folder)
        XCTAssertEqual(sqlite.status, 78)
        XCTAssertTrue(sqlite.standardError.contains("a team needs a postgresql:// store"), sqlite.standardError)
    }
}

import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// The binary on a PostgreSQL store: `--store postgresql://…`, `$QUORUM_STORE`, `store copy`,
/// and what a curator sees when the URL or the password is wrong.
final class PostgresCommandLineTests: PostgresTestCase {
    func testImportDecideExportAndCopyBackThroughTheBinary() async throws {
        _ = try write(StoreFixture.jsonl, to: "data.jsonl")
        let store = url(location)
        let imported = try QuorumBinary.run(["import", "--store", store, "data.jsonl"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)
        XCTAssertTrue(imported.standardError.contains("imported 7 items from data.jsonl as run 1"), imported.standardError)
        let decided = try QuorumBinary.run(
            ["decide", "accept", "--filter", "rule = exact", "--store", store, "--curator", "ana"], in: folder)
        XCTAssertEqual(decided.status, 0, decided.standardError)
        XCTAssertTrue(decided.standardError.contains("as batch 1"), decided.standardError)
        let copied = try QuorumBinary.run(["store", "copy", store, "copy.sqlite"], in: folder)
        XCTAssertEqual(copied.status, 0, copied.standardError)
        XCTAssertTrue(copied.standardError.contains("to copy.sqlite: 1 runs, 7 items"), copied.standardError)
        for format in ["alpaca", "sharegpt", "full"] {
            let fromPostgres = try QuorumBinary.run(
                ["export", "--status", "all", "--format", format], in: folder, environment: ["QUORUM_STORE": store])
            let fromSQLite = try QuorumBinary.run(["export", "--status", "all", "--format", format, "--store", "copy.sqlite"], in: folder)
            XCTAssertEqual(fromPostgres.status, 0, fromPostgres.standardError)
            XCTAssertFalse(fromPostgres.standardOutput.isEmpty)
            XCTAssertEqual(fromPostgres.standardOutput, fromSQLite.standardOutput, "\(format) differs")
        }
        let stats = try QuorumBinary.run(["stats", "--store", store], in: folder)
        XCTAssertEqual(stats.status, 0, stats.standardError)
        XCTAssertTrue(stats.standardOutput.contains("7 items"), stats.standardOutput)
    }

    func testBadURLWrongPasswordAndUnsupportedCommandsExitWithAMessage() throws {
        let passwordInURL = url(location).replacingOccurrences(of: "quorum@", with: "quorum:hunter2@")
        let bad = try QuorumBinary.run(["export", "--store", passwordInURL], in: folder)
        XCTAssertEqual(bad.status, 78)
        XCTAssertTrue(bad.standardError.contains("holds a password"), bad.standardError)
        XCTAssertFalse(bad.standardError.contains("hunter2"), bad.standardError)
        let wrong = try QuorumBinary.run(["stats", "--store", url(location)], in: folder, environment: ["PGPASSWORD": "wrong"])
        XCTAssertEqual(wrong.status, 69)
        XCTAssertTrue(wrong.standardError.contains("password authentication failed"), wrong.standardError)
        let unsupported = try QuorumBinary.run(["spot-check", "--store", url(location)], in: folder)
        XCTAssertEqual(unsupported.status, 78)
        XCTAssertTrue(unsupported.standardError.contains("does not run on a PostgreSQL store yet"), unsupported.standardError)
    }
}

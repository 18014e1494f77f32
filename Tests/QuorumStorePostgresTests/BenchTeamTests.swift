import Foundation
import QuorumTestSupport
import XCTest

/// `quorum bench team` on a small store: it runs to the end and its own checks pass.
final class BenchTeamTests: PostgresTestCase {
    func testBenchTeamDecidesEveryPendingItemOnceAndReportsBothBackends() throws {
        let result = try QuorumBinary.run(
            ["bench", "team", "--store", url(location), "--items", "400", "--curators", "4", "--sqlite-decisions", "50"],
            in: folder, timeout: 300)
        XCTAssertEqual(result.status, 0, result.standardError + result.standardOutput)
        XCTAssertTrue(
            result.standardOutput.contains(
                "0 missing, 0 items reviewed by more than 1 curators, 0 reviewed twice by one curator, 0 left pending: ok"),
            result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("PostgreSQL, 4 curators at once"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("SQLite, one writer"), result.standardOutput)
        XCTAssertTrue(
            result.standardOutput.contains("opened again after the curators' decisions: its kept mirror caught up"),
            result.standardOutput)
    }

    /// Eight curators, two reviews per item: no item goes to a third curator or twice to one.
    func testEightCuratorsWithTwoReviewsPerItem() throws {
        let result = try QuorumBinary.run(
            ["bench", "team", "--store", url(location), "--items", "300", "--curators", "8", "--reviews-per-item", "2",
             "--claim", "5", "--sqlite-decisions", "20"],
            in: folder, timeout: 300)
        XCTAssertEqual(result.status, 0, result.standardError + result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("adopted reviews_per_item = 2"), result.standardOutput)
        XCTAssertTrue(
            result.standardOutput.contains("0 missing, 0 items reviewed by more than 2 curators, 0 reviewed twice by one curator, 0 left pending"),
            result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("PostgreSQL, 8 curators at once"), result.standardOutput)
    }
}

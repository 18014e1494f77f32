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
        XCTAssertTrue(result.standardOutput.contains("0 missing, 0 items decided twice, 0 left pending: ok"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("PostgreSQL, 4 curators at once"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("SQLite, one writer"), result.standardOutput)
    }
}

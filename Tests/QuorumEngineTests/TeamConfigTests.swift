import QuorumStore
import XCTest
@testable import QuorumEngine

/// The `[team]` table: its defaults, the three rules, and what it refuses.
final class TeamConfigTests: XCTestCase {
    private func team(_ table: String) throws -> TeamPolicy? {
        try ConfigText.parse(ConfigText.twoMembers + "\n[team]\n" + table).team
    }

    func testTheRules() throws {
        XCTAssertNil(try ConfigText.parse(ConfigText.twoMembers).team)
        XCTAssertEqual(try team(""), .single)
        XCTAssertEqual(try team("reviews_per_item = 3\nresolution = \"majority\"\n"), TeamPolicy(reviewsPerItem: 3, resolution: .majority))
        XCTAssertEqual(
            try team("reviews_per_item = 2\nresolution = \"lead\"\nlead = \"ana\"\n"),
            TeamPolicy(reviewsPerItem: 2, resolution: .lead("ana")))
    }

    func testWhatItRefusesNamesTheKeyAndLine() {
        let cases: [(String, String)] = [
            ("reviews_per_item = 0\n", "team.reviews_per_item"),
            ("resolution = \"vote\"\n", "\"vote\" is not a resolution"),
            ("resolution = \"lead\"\n", "needs lead ="),
            ("lead = \"ana\"\n", "a lead decides only under resolution = \"lead\""),
            ("reviewers = 2\n", "reviewers"),
        ]
        for (table, expected) in cases {
            let message = ConfigText.message(ConfigText.twoMembers + "\n[team]\n" + table)
            XCTAssertTrue(message.contains(expected), "\(table): \(message)")
            XCTAssertNotNil(message.range(of: #"^quorum\.toml:\d+"#, options: .regularExpression), "no line: \(message)")
        }
    }
}

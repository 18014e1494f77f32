import Foundation
import QuorumTestSupport
import XCTest

final class SpotCheckCommandTests: CLITestCase {
    func importSix() throws {
        let lines = (0..<6).map { index in
            let input = index % 2 == 0 ? "some input \(index)" : ""
            return #"{"instruction": "Task \#(index).", "input": "\#(input)", "candidates": ["same \#(index)", "same \#(index)", "other"], "members": ["m0", "m1", "m2"]}"#
        }
        _ = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl")
        let imported = try QuorumBinary.run(["import", "data.jsonl"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)
    }

    func testJSONReportMatchesTheStoreAndIsReproducible() throws {
        try importSix()
        let arguments = ["spot-check", "--sample", "4", "--stratify", "type", "--seed", "3", "--json", "--target", "0.5"]
        let first = try QuorumBinary.run(arguments, in: folder)
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(try QuorumBinary.run(arguments, in: folder).standardOutput, first.standardOutput)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let report = try XCTUnwrap(object["report"] as? [String: Any])
        XCTAssertEqual(report["population"] as? Int, 6, "imported consensus choices are decisions made without a human")
        let strata = try XCTUnwrap((report["sample"] as? [String: Any])?["strata"] as? [[String: Any]])
        XCTAssertEqual(strata.map { $0["key"] as? String }, ["A", "B"])
        XCTAssertEqual(strata.map { ($0["sample"] as? [Int])?.count }, [2, 2])
        XCTAssertEqual(object["targetMet"] as? Bool, false, "nothing judged yet")
    }

    func testTextReportAndStatsCharts() throws {
        try importSix()
        let text = try QuorumBinary.run(["spot-check", "--sample", "3", "--stratify", "member"], in: folder)
        XCTAssertEqual(text.status, 0, text.standardError)
        XCTAssertTrue(text.standardOutput.contains("3 of 6 decisions made without a human, by member, seed 1"), text.standardOutput)
        XCTAssertTrue(text.standardOutput.contains("3 of the 3 sampled are imported consensus choices no one has reviewed yet"),
                      "a pending import is said to be one: \(text.standardOutput)")
        XCTAssertTrue(text.standardOutput.contains("m0 (3 of 6)"), text.standardOutput)
        XCTAssertTrue(text.standardOutput.contains("Wilson 95%"), text.standardOutput)
        let stats = try QuorumBinary.run(["stats"], in: folder)
        XCTAssertEqual(stats.status, 0, stats.standardError)
        XCTAssertTrue(stats.standardOutput.contains("pairwise Rouge-L F (18)"), stats.standardOutput)
        XCTAssertTrue(stats.standardOutput.contains("█"), stats.standardOutput)
        let bad = try QuorumBinary.run(["spot-check", "--sample", "0"], in: folder)
        XCTAssertNotEqual(bad.status, 0)
    }
}

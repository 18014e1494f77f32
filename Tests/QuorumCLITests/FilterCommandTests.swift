import Foundation
import QuorumTestSupport
import XCTest

/// Issue 16: `--filter EXPR` means the same on every command that takes it, and a filter
/// that does not parse is a usage error pointing at the character.
final class FilterCommandTests: CLITestCase {
    /// Items 1–4 of type A (with an input), 5–6 of type B; the consensus agrees on each.
    private func importSix() throws {
        let lines = (1...6).map { index in
            let input = index <= 4 ? "some input \(index)" : ""
            return #"{"instruction": "Task \#(index).", "input": "\#(input)", "candidates": ["same \#(index)", "same \#(index)", "other"], "members": ["m0", "m1", "m2"]}"#
        }
        _ = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl")
        let imported = try QuorumBinary.run(["import", "data.jsonl"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try QuorumBinary.run(arguments, in: folder)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.standardError)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    func testStatsSpotCheckExportAndDecideTakeTheSameFilter() throws {
        try importSix()
        let stats = try json(["stats", "--json", "--filter", "type = B"])
        XCTAssertEqual(stats["items"] as? Int, 2)
        XCTAssertEqual(stats["filter"] as? String, "type = B")
        let text = try QuorumBinary.run(["stats", "--filter", "type = B"], in: folder)
        XCTAssertTrue(text.standardOutput.contains("2 items, 0 decisions · filter type = B"), text.standardOutput)

        let spotCheck = try json(["spot-check", "--json", "--sample", "10", "--filter", "type = A"])
        XCTAssertEqual((spotCheck["report"] as? [String: Any])?["population"] as? Int, 4)

        let dryRun = try QuorumBinary.run(["decide", "accept", "--filter", "type = A", "--dry-run"], in: folder)
        XCTAssertEqual(dryRun.status, 0, dryRun.standardError)
        XCTAssertTrue(dryRun.standardError.contains("would accept 4 items (dry run: nothing written)"), dryRun.standardError)
        let accepted = try QuorumBinary.run(["decide", "accept", "--filter", "type = A", "--curator", "ana"], in: folder)
        XCTAssertEqual(accepted.status, 0, accepted.standardError)
        XCTAssertTrue(accepted.standardError.contains("accepted 4 items as batch 1"), accepted.standardError)

        let exported = try QuorumBinary.run(["export", "--status", "all", "--filter", "status = accepted"], in: folder)
        XCTAssertEqual(exported.status, 0, exported.standardError)
        XCTAssertEqual(exported.standardOutput.split(separator: "\n").count, 4)
        let curated = try json(["stats", "--json", "--filter", "curator = ana"])
        XCTAssertEqual(curated["items"] as? Int, 4)
        XCTAssertEqual(curated["decisions"] as? Int, 4)

        let undone = try QuorumBinary.run(["decide", "undo", "--batch", "1", "--curator", "ana"], in: folder)
        XCTAssertEqual(undone.status, 0, undone.standardError)
        let pending = try json(["stats", "--json", "--filter", "pending"])
        XCTAssertEqual(pending["items"] as? Int, 6)
    }

    func testABadFilterIsAUsageErrorThatPointsAtTheCharacter() throws {
        try importSix()
        for command in ["stats", "spot-check", "export", "decide"] {
            var arguments = [command, "--filter", "type = A and (fragility >"]
            if command == "decide" { arguments.insert("accept", at: 1) }
            if command == "spot-check" { arguments.append("--report") }
            let result = try QuorumBinary.run(arguments, in: folder)
            XCTAssertEqual(result.status, 64, "\(command): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains("--filter"), result.standardError)
            XCTAssertTrue(result.standardError.contains("^"), "\(command) points at the character: \(result.standardError)")
        }
        let stats = try json(["stats", "--json"])
        XCTAssertEqual(stats["decisions"] as? Int, 0, "nothing was written")
    }
}

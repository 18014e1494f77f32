import Foundation
import GRDB
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// The commands as a user runs them: exit statuses, messages, files.
final class CommandLineTests: CLITestCase {
    let goodLine = #"{"instruction": "Name a colour.", "input": "", "output": "Blue"}"#

    func testImportThenExportToFileAndStandardOutput() throws {
        _ = try write(goodLine + "\n" + goodLine.replacingOccurrences(of: "Blue", with: "Red") + "\n", to: "data.jsonl")
        let imported = try QuorumBinary.run(["import", "data.jsonl"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.standardError)
        XCTAssertTrue(imported.standardError.contains("imported 2 items from data.jsonl"), imported.standardError)

        let curated = try QuorumBinary.run(["export"], in: folder)
        XCTAssertEqual(curated.status, 0)
        XCTAssertEqual(curated.standardOutput, "", "nothing is curated yet")

        let pending = try QuorumBinary.run(["export", "--status", "pending", "-o", "out.jsonl"], in: folder)
        XCTAssertEqual(pending.status, 0, pending.standardError)
        XCTAssertEqual(
            try String(contentsOfFile: path("out.jsonl"), encoding: .utf8),
            #"{"instruction":"Name a colour.","input":"","output":"Blue"}"# + "\n"
                + #"{"instruction":"Name a colour.","input":"","output":"Red"}"# + "\n")

        let stats = try QuorumBinary.run(["stats", "--json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any]
        XCTAssertEqual(object?["items"] as? Int, 2)
    }

    func testBadLineExits65NamingFileLineAndFieldAndStoresNothing() throws {
        _ = try write(goodLine + "\n", to: "first.jsonl")
        XCTAssertEqual(try QuorumBinary.run(["import", "first.jsonl"], in: folder).status, 0)
        _ = try write(goodLine + "\n" + #"{"instruction": "x", "candidates": [1]}"# + "\n", to: "data.jsonl")
        let result = try QuorumBinary.run(["import", "data.jsonl"], in: folder)
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(
            result.standardError.contains(#"data.jsonl:2: field "candidates": expected an array of strings"#), result.standardError)
        let stats = try QuorumBinary.run(["stats", "--json"], in: folder)
        XCTAssertTrue(stats.standardOutput.contains(#""items":1"#), stats.standardOutput)
    }

    func testImportReadsStandardInput() throws {
        let result = try QuorumBinary.run(["import", "--store", "s.sqlite"], in: folder, input: "\n{\"instruction\": \"x\" }\n")
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.standardError.contains(#"<stdin>:2: field "candidates": missing"#), result.standardError)
    }

    func testSecondWriterIsRefusedWithTheHolderAndExits75() throws {
        let holder = try openWriter()
        _ = try write(goodLine + "\n", to: "data.jsonl")
        let result = try QuorumBinary.run(["import", "data.jsonl"], in: folder)
        XCTAssertEqual(result.status, 75)
        XCTAssertTrue(result.standardError.contains("pid \(getpid()) (quorum test)"), result.standardError)
        let reader = try QuorumBinary.run(["stats"], in: folder)
        XCTAssertEqual(reader.status, 0, "readers work alongside the writer: \(reader.standardError)")
        try holder.close()
    }

    func testNotAStoreExits65AndIsUntouched() throws {
        _ = try write("just some notes\n", to: "quorum.sqlite")
        for arguments in [["stats"], ["export"], ["import", "-"]] {
            let result = try QuorumBinary.run(arguments, in: folder, input: goodLine)
            XCTAssertEqual(result.status, 65, "\(arguments)")
            XCTAssertTrue(result.standardError.contains("is not a Quorum store"), result.standardError)
        }
        XCTAssertEqual(try String(contentsOfFile: path("quorum.sqlite"), encoding: .utf8), "just some notes\n")
    }

    func testNewerSchemaExits65AndIsUntouched() throws {
        _ = try write(goodLine + "\n", to: "data.jsonl")
        XCTAssertEqual(try QuorumBinary.run(["import", "data.jsonl"], in: folder).status, 0)
        let queue = try DatabaseQueue(path: path("quorum.sqlite"))
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(StoreSchema.currentVersion + 1)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path("quorum.sqlite")))
        for arguments in [["stats"], ["import", "data.jsonl"]] {
            let result = try QuorumBinary.run(arguments, in: folder)
            XCTAssertEqual(result.status, 65, "\(arguments)")
            XCTAssertTrue(result.standardError.contains("schema version \(StoreSchema.currentVersion + 1), newer than this quorum knows (\(StoreSchema.currentVersion))"), result.standardError)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("quorum.sqlite"))), before)
    }

    func testStatsJSONCarriesWinRates() throws {
        _ = try write(#"{"instruction": "x", "candidates": ["a", "a", "b"], "members": ["p", "q", "r"]}"# + "\n", to: "data.jsonl")
        XCTAssertEqual(try QuorumBinary.run(["import", "data.jsonl"], in: folder).status, 0)
        let stats = try QuorumBinary.run(["stats", "--json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any]
        let members = object?["members"] as? [[String: Any]]
        XCTAssertEqual(members?.map { $0["consensusWinRate"] as? Double }, [1, 1, 0], "q's text equals the choice, so q shares the win")
        let text = try QuorumBinary.run(["stats"], in: folder)
        XCTAssertTrue(text.standardOutput.contains("pending"), text.standardOutput)
    }

    func testMissingStoreExits66AndStorePathComesFromTheEnvironmentToo() throws {
        let result = try QuorumBinary.run(["export", "--store", "absent.sqlite"], in: folder)
        XCTAssertEqual(result.status, 66)
        XCTAssertTrue(result.standardError.contains("no store at absent.sqlite"), result.standardError)
        let fromEnvironment = try QuorumBinary.run(["stats"], in: folder, environment: ["QUORUM_STORE": "env.sqlite"])
        XCTAssertTrue(fromEnvironment.standardError.contains("no store at env.sqlite"), fromEnvironment.standardError)
        let flagWins = try QuorumBinary.run(["stats", "--store", "flag.sqlite"], in: folder, environment: ["QUORUM_STORE": "env.sqlite"])
        XCTAssertTrue(flagWins.standardError.contains("no store at flag.sqlite"), flagWins.standardError)
    }
}

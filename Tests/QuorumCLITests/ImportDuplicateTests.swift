import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// Issue 12: importing the same file twice does not double its items.
final class ImportDuplicateTests: CLITestCase {
    private let lines = [
        #"{"instruction": "Add the numbers.", "input": "2 and 3", "candidates": ["5", "five"]}"#,
        #"{"instruction": "Name a colour.", "input": "", "output": "Blue"}"#,
        #"{"instruction": "Name a colour.", "input": "", "output": "Red"}"#,
    ]

    private func count(_ store: String) async throws -> Int {
        let reader = try Store.open(at: store, access: .read)
        defer { try? reader.close() }
        return try await reader.items(withStatus: ItemStatus.allCases, limit: 100).count
    }

    func testASecondImportOfTheSameFileSkipsItsLinesAndSaysSo() async throws {
        let store = path("quorum.sqlite")
        let file = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl")
        let first = try QuorumBinary.run(["import", "--store", store, file], in: folder)
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertFalse(first.standardError.contains("skipped"), first.standardError)

        let more = try write((lines + [#"{"instruction": "Add the numbers.", "input": "2 and 3", "candidates": ["5", "6"]}"#])
            .joined(separator: "\n") + "\n", to: "more.jsonl")
        let second = try QuorumBinary.run(["import", "--store", store, more], in: folder)
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertTrue(second.standardError.contains("imported 1 item"), second.standardError)
        XCTAssertTrue(second.standardError.contains("3 lines were already in the store"), second.standardError)
        let afterSecond = try await count(store)
        XCTAssertEqual(afterSecond, 4, "only the line with other candidates is new")

        let forced = try QuorumBinary.run(["import", "--store", store, "--allow-duplicates", file], in: folder)
        XCTAssertEqual(forced.status, 0, forced.standardError)
        let afterForced = try await count(store)
        XCTAssertEqual(afterForced, 7)
    }
}

import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// kill -9 a curator in the middle of its decisions: every decision it was told is stored is
/// in the database, its leases expire, and another curator gets its items.
final class KillCuratorTests: PostgresTestCase {
    func testEveryAcknowledgedDecisionSurvivesAndTheLeasesExpire() async throws {
        let lines = (1...300).map { #"{"instruction": "Task \#($0).", "input": "", "output": "Answer \#($0)."}"# }
        let file = try write(lines.joined(separator: "\n"), to: "many.jsonl")
        _ = try await withStore { try await $0.importJSONL(from: .file(path: file)) }

        let process = Process()
        process.executableURL = try QuorumBinary.locate()
        process.arguments = ["debug", "curate", "--store", url(location), "--curator", "ana", "--claim", "25", "--lease-seconds", "1"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var acknowledged: [(item: Int64, decision: Int64)] = []
        var pending = Data()
        let reader = output.fileHandleForReading
        while acknowledged.count < 40 {
            let chunk = reader.availableData
            guard !chunk.isEmpty else { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                let parts = line.split(separator: " ").compactMap { Int64($0) }
                if parts.count == 2 { acknowledged.append((parts[0], parts[1])) }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertGreaterThanOrEqual(acknowledged.count, 40, "the curator stopped before it was killed")

        try await withStore { store in
            let rows = try await store.readRows()
            let stored = Set(rows.rows(of: "decisions").compactMap { row -> Int64? in
                if case .integer(let id) = row[0] { return id }
                return nil
            })
            for (item, decision) in acknowledged {
                XCTAssertTrue(stored.contains(decision), "acknowledged decision \(decision) on item \(item) is missing")
            }
            // The leased items it had not decided yet (a decision committed but not yet
            // printed when the kill came counts as decided).
            let pending = Set(try await store.query("SELECT id FROM items WHERE status = 'pending'").decode(Int64.self).collect())
            let held = Set(try await store.leasedItems(of: "ana")).intersection(pending)
            XCTAssertFalse(held.isEmpty, "the killed curator held no lease on a pending item; nothing shows they expire")
            var taken: [Int64] = []
            let deadline = Date().addingTimeInterval(15)
            while !held.isSubset(of: taken) && Date() < deadline {
                taken += try await store.claim(500, for: "bo", duration: .seconds(60))
            }
            XCTAssertTrue(held.isSubset(of: taken), "the killed curator's items did not return to the pool")
            XCTAssertEqual(Set(taken), pending, "bo got every pending item")
            let decided = Set(acknowledged.map(\.item))
            XCTAssertTrue(decided.isDisjoint(with: taken), "a decided item was handed out again")
        }
    }
}

import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

final class ExportTests: StoreTestCase {
    /// Items 0..<5: accepted, overridden, edited, rejected, pending.
    func curatedStore() async throws -> (Store, [Int64]) {
        let (store, ids) = try await storeWithItems(5)
        try await store.write { transaction in
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.override(candidate: 0), to: ids[1], curator: "ada")
            try transaction.append(.edit(text: "line one\nline \"two\"\t\u{1}é", basedOn: 1), to: ids[2], curator: "ada")
            try transaction.append(.reject(reason: "dull"), to: ids[3], curator: "ada")
        }
        return (store, ids)
    }

    func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    func testAlpacaExportsCuratedItemsByDefault() async throws {
        let (store, _) = try await curatedStore()
        let target = path("out.jsonl")
        let summary = try await store.export(ExportRequest(), to: .file(path: target))
        XCTAssertEqual(summary.lines, 3)
        let rows = try lines(target)
        XCTAssertEqual(rows.map { $0["output"] as? String }, ["output 1 of item 0", "output 0 of item 1", "line one\nline \"two\"\t\u{1}é"])
        XCTAssertEqual(rows.map { $0["input"] as? String }, ["input 0", "", "input 2"])
        XCTAssertEqual(rows.map { $0.keys.sorted() }, Array(repeating: ["input", "instruction", "output"], count: 3))
        let text = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(#"{"instruction":"Instruction number 0.","input":"input 0","output":"output 1 of item 0"}"#), text)
        XCTAssertTrue(text.contains(#"line one\nline \"two\"\t\u0001é"#), text)
    }

    func testNoItemIsContestedWithOneCurator() async throws {
        let (store, _) = try await curatedStore()
        let contested = try FilterExpression.parse("contested")
        let summary = try await store.export(
            ExportRequest(format: .full, statuses: ItemStatus.allCases, filter: contested), to: .file(path: path("c.jsonl")))
        XCTAssertEqual(summary.lines, 0)
        let others = try await store.export(
            ExportRequest(format: .full, statuses: ItemStatus.allCases, filter: .not(contested)), to: .file(path: path("n.jsonl")))
        XCTAssertEqual(others.lines, 5)
    }

    func testStatusFilterAndSkippedCount() async throws {
        let (store, _) = try await curatedStore()
        let target = path("out.jsonl")
        let summary = try await store.export(ExportRequest(statuses: [.pending, .rejected]), to: .file(path: target))
        XCTAssertEqual(summary.lines, 1, "only the pending item has an output")
        XCTAssertEqual(summary.skippedWithoutOutput, 1)
        XCTAssertEqual(try lines(target).first?["output"] as? String, "output 1 of item 4")
    }

    func testShareGPTJoinsInstructionAndInput() async throws {
        let (store, _) = try await curatedStore()
        let target = path("out.jsonl")
        _ = try await store.export(ExportRequest(format: .sharegpt), to: .file(path: target))
        let first = try lines(target)[0]["conversations"] as! [[String: String]]
        XCTAssertEqual(first, [
            ["from": "human", "value": "Instruction number 0.\n\ninput 0"],
            ["from": "gpt", "value": "output 1 of item 0"],
        ])
        let second = try lines(target)[1]["conversations"] as! [[String: String]]
        XCTAssertEqual(second[0]["value"], "Instruction number 1.")
    }

    func testFullCarriesCandidatesConsensusAndHistory() async throws {
        let (store, ids) = try await curatedStore()
        let undone = try await store.write { transaction in
            let reject = try transaction.append(.reject(reason: "changed my mind"), to: ids[0], curator: "bob")
            return try transaction.undo(reject.id!, curator: "bob")
        }
        let target = path("full.jsonl")
        let summary = try await store.export(ExportRequest(format: .full, statuses: ItemStatus.allCases), to: .file(path: target))
        XCTAssertEqual(summary.lines, 5)
        let rows = try lines(target)
        XCTAssertEqual(rows.map { $0["status"] as? String }, ["accepted", "overridden", "edited", "rejected", "pending"])
        let first = rows[0]
        let sets = first["candidate_sets"] as! [[String: Any]]
        XCTAssertEqual(sets.count, 1)
        XCTAssertEqual((sets[0]["candidates"] as! [[String: Any]]).map { $0["member"] as? String }, Fixtures.members)
        let consensus = sets[0]["consensus"] as! [String: Any]
        XCTAssertEqual(consensus["choice"] as? Int, 1)
        XCTAssertEqual(consensus["matrix"] as? [[Double]], Fixtures.consensus(choice: 1).matrix)
        let decisions = first["decisions"] as! [[String: Any]]
        XCTAssertEqual(decisions.map { $0["kind"] as? String }, ["accept", "reject", "undo"])
        XCTAssertEqual(decisions.map { $0["active"] as? Bool }, [true, false, true])
        XCTAssertEqual(decisions.last?["target_id"] as? Int, Int(undone.targetID!))
        XCTAssertTrue((decisions[0]["at"] as! String).hasSuffix("Z"))
        XCTAssertEqual(first["seed_ids"] as? [String], ["seed_task_0"])
    }

    func testFailedExportLeavesTheExistingFileAndNoTemporary() async throws {
        let (store, _) = try await curatedStore()
        let target = path("out.jsonl")
        try Data("previous export\n".utf8).write(to: URL(fileURLWithPath: target))
        try store.close()
        await assertThrowsAsync({ try await store.export(ExportRequest(), to: .file(path: target)) }) { _ in }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "previous export\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }, [])
    }

    func testExportReplacesTheFileAtomically() async throws {
        let (store, _) = try await curatedStore()
        let target = path("out.jsonl")
        try Data("previous export\n".utf8).write(to: URL(fileURLWithPath: target))
        _ = try await store.export(ExportRequest(), to: .file(path: target))
        XCTAssertEqual(try lines(target).count, 3)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }, [])
    }

    func testExportQueriesStreamWithoutASortStep() async throws {
        let (store, _) = try await curatedStore()
        let plans = try await rawQuery(store) { db in
            let exporter = ItemExporter(db: db, request: ExportRequest())
            let full = FullItemExporter(db: db, statusCondition: exporter.statusCondition)
            return try [exporter.trainingRowsSQL, full.itemsSQL, FullItemExporter.candidatesSQL, FullItemExporter.decisionsSQL]
                .map { sql in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
                }
        }
        for plan in plans {
            XCTAssertFalse(plan.contains("TEMP B-TREE"), "a sort would hold every selected row before the first is written: \(plan)")
        }
    }

    func testExportStreamsManyItemsInOrder() async throws {
        let store = try openWriter()
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 0..<3_000 {
                let item = try transaction.insertItem(Fixtures.item(runID: run.id!, index: index))
                try transaction.append(.accept, to: item.id!, curator: "ada")
            }
        }
        for format in ExportFormat.allCases {
            let target = path("\(format).jsonl")
            let summary = try await store.export(ExportRequest(format: format), to: .file(path: target))
            XCTAssertEqual(summary.lines, 3_000)
            let text = try String(contentsOfFile: target, encoding: .utf8)
            XCTAssertEqual(summary.bytes, text.utf8.count)
            XCTAssertTrue(text.split(separator: "\n").last!.contains("2999"), "\(format) ends with the last item")
        }
    }
}

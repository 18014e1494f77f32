import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// The full format and filtered exports read PostgreSQL directly, and give the SQLite store's
/// bytes for the same data; bulk-decision targets agree too.
final class DirectExportTests: PostgresTestCase {
    private let filters = [
        "status = pending", "status != accepted,rejected", "text ~ chat", "text ~ \"日本\"", "text ~ \"ÅLPHA\"",
        "curator = zoë", "curator ~ BO", "reason ~ bulk", "not reason = \"off topic\"", "has:note", "not has:edit",
        "margin < 0.4", "not margin < 0.4", "fragility >= 0.2", "member = zs", "rule = rouge", "type = b",
        "run = 1 and not status = pending", "contested", "not contested", "curator ~ \"\"",
    ]

    /// Both stores after the fixture's steps (decided by each backend), then a rerun (two
    /// candidate sets), a note and an undone rejection, which only SQLite makes: PostgreSQL
    /// takes a copy of those rows, and a last note is made by both.
    private func storesWithTheSameData() async throws -> (Store, PostgresStore) {
        let sqlite = try await makeSQLiteStore("direct.sqlite")
        try await withStore { postgres in
            try await postgres.writeRows(try await sqlite.readRows())
            for step in StoreFixture.steps {
                try await apply(step, sqlite: sqlite, postgres: postgres)
            }
            let (fromPostgres, fromSQLite) = (try await postgres.readRows(), try await sqlite.readRows())
            XCTAssertEqual(fromPostgres, fromSQLite, "the fixture's steps stored different rows")
        }
        let at = StoreFixture.moment
        let texts = ["alpha", "Ålpha", "alpha"]
        let rerun = NewCandidateSet(
            candidates: zip(["gen", "zs", "fs"], texts).map { NewCandidate(member: $0, text: $1, latencyMilliseconds: 12.5) },
            consensus: Consensus.decide(texts))
        let rejection = try await sqlite.write { transaction in
            try transaction.append(.rerun(rerun), to: 5, curator: "zoë", at: at)
            try transaction.append(.note("à revoir — 日本"), to: 5, curator: "zoë", at: at)
            return try transaction.append(.reject(reason: "bad set"), to: 5, curator: "zoë", at: at)
        }
        _ = try await sqlite.write { try $0.undo(rejection.id!, curator: "zoë", at: at) }
        let postgres = try await openStore(try await makeDatabase())
        try await postgres.writeRows(try await sqlite.readRows())
        _ = try await sqlite.write { try $0.append(.note("vérifié ✓"), to: 1, curator: "zoë", at: at) }
        try await postgres.decide(.note("vérifié ✓"), itemID: 1, curator: "zoë", at: at)
        let (fromPostgres, fromSQLite) = (try await postgres.readRows(), try await sqlite.readRows())
        XCTAssertEqual(fromPostgres, fromSQLite, "the copy and the last note stored different rows")
        return (sqlite, postgres)
    }

    func testFullAndFilteredExportsAreTheSQLiteBytes() async throws {
        let (sqlite, postgres) = try await storesWithTheSameData()
        var requests = [ExportRequest(format: .full, statuses: ItemStatus.allCases), ExportRequest(format: .full)]
        for filter in filters {
            let expression = try FilterExpression.parse(filter)
            for format in ExportFormat.allCases {
                requests.append(ExportRequest(format: format, statuses: ItemStatus.allCases, filter: expression))
            }
        }
        var fullLineCounts: Set<Int> = []
        for (index, request) in requests.enumerated() {
            let label = "\(request.format) \(request.filter.map { "\($0)" } ?? "unfiltered")"
            let fromSQLite = try await export(request, from: sqlite, name: "sqlite-\(index).jsonl")
            let fromPostgres = try await export(request, from: postgres, name: "postgres-\(index).jsonl")
            XCTAssertEqual(String(decoding: fromPostgres, as: UTF8.self), String(decoding: fromSQLite, as: UTF8.self), label)
            if request.format == .full { fullLineCounts.insert(fromSQLite.split(separator: UInt8(ascii: "\n")).count) }
        }
        let whole = String(decoding: try await export(requests[0], from: postgres, name: "whole.jsonl"), as: UTF8.self)
        XCTAssertTrue(whole.contains(#""ordinal":1"#), "no item has a second candidate set")
        XCTAssertTrue(whole.contains(#""active":false"#), "no decision is undone")
        XCTAssertTrue(whole.contains("à revoir — 日本"), "the note is missing")
        XCTAssertTrue(whole.contains(#""kind":"edit""#), "the edit is missing")
        XCTAssertTrue(fullLineCounts.contains(0) && fullLineCounts.contains(7), "\(fullLineCounts.sorted())")
        XCTAssertGreaterThan(fullLineCounts.count, 5, "the filters select different items: \(fullLineCounts.sorted())")
        try sqlite.close()
        await postgres.close()
    }

    func testStatisticsAreSQLitesUnfilteredAndUnderEveryFilter() async throws {
        let (sqlite, postgres) = try await storesWithTheSameData()
        let at = StoreFixture.moment
        let more: [(DecisionAction, Int64, String)] = [
            (.reject(reason: "Instance rerun as item 99"), 2, "ana"), (.reject(reason: "  "), 5, "auto"),
        ]
        for (action, item, curator) in more {
            _ = try await sqlite.write { try $0.append(action, to: item, curator: curator, at: at) }
            try await postgres.decide(action, itemID: item, curator: curator, at: at)
        }
        _ = try await sqlite.write { try $0.skip(3, curator: "cy") }
        try await postgres.skip(3, curator: "cy")
        var compared: Set<Int> = []
        for filter in [nil] + filters {
            let expression = try filter.map { try FilterExpression.parse($0) }
            let fromSQLite = try await sqlite.stats(filter: expression)
            let fromPostgres = try await postgres.stats(filter: expression)
            XCTAssertEqual(fromPostgres, fromSQLite, filter ?? "unfiltered")
            compared.insert(fromSQLite.items)
        }
        let whole = try await postgres.stats()
        XCTAssertTrue(whole.rejectionReasons.contains { $0.reason == "instance rerun as item …" }, "\(whole.rejectionReasons)")
        XCTAssertTrue(whole.curators.contains { $0.curator == "cy" && $0.skipped == 1 }, "\(whole.curators)")
        XCTAssertGreaterThan(whole.distributions.pairwiseRougeL.total, 0)
        XCTAssertGreaterThan(compared.count, 4, "the filters select different items: \(compared.sorted())")
        try sqlite.close()
        await postgres.close()
    }

    func testSummariesAndBatchTargetsAgreeWithSQLite() async throws {
        let (sqlite, postgres) = try await storesWithTheSameData()
        for filter in filters {
            let expression = try FilterExpression.parse(filter)
            let request = ExportRequest(format: .alpaca, statuses: ItemStatus.allCases, filter: expression)
            let fromSQLite = try await sqlite.export(request, to: .file(path: path("s.jsonl")))
            let fromPostgres = try await postgres.export(request, to: .file(path: path("p.jsonl")))
            XCTAssertEqual(fromPostgres, fromSQLite, filter)
            for itemIDs in [nil, [5, 3, 99, 5] as [Int64]] {
                let selection = QueueSelection(statuses: ItemStatus.awaitingReview, itemIDs: itemIDs, filter: expression)
                let targets = try await postgres.batchTargets(selection)
                let expected = try await sqlite.batchTargets(selection)
                XCTAssertEqual(targets, expected, "\(filter) over \(itemIDs.map { "\($0)" } ?? "every item")")
            }
        }
        let pending = try await postgres.batchTargets(QueueSelection(statuses: ItemStatus.awaitingReview))
        XCTAssertFalse(pending.isEmpty, "nothing is pending: the targets compare nothing")
        let none = try await postgres.batchTargets(QueueSelection(statuses: [.accepted]))
        XCTAssertEqual(none, [])
        try sqlite.close()
        await postgres.close()
    }

    func testExportsSpanningSeveralBatchesAreTheSQLiteBytes() async throws {
        let batchSize = 1_000
        let count = batchSize * 2 + 500
        let lines = (0..<count).map { index in
            #"{"instruction": "Task \#(index) — ünïcode", "input": "\#(index % 3 == 0 ? "" : "in \(index)")", "#
                + #""candidates": ["a\#(index % 7)", "a\#(index % 5)", "b"], "members": ["gen", "zs", "fs"]}"#
        }
        let file = try write(lines.joined(separator: "\n"), to: "many.jsonl")
        let sqlite = try Store.open(at: path("many.sqlite"), access: .write(command: "test"))
        _ = try await sqlite.importJSONL(from: .file(path: file))
        let rejected = Array(stride(from: Int64(3), through: Int64(count), by: 11))
        _ = try await sqlite.write { try $0.decideBatch(.reject(reason: "every eleventh"), items: rejected, curator: "zoë") }
        try await withStore { postgres in
            try await postgres.writeRows(try await sqlite.readRows())
            let filter = try FilterExpression.parse("text ~ a3 or reason ~ ELEVENTH")
            for request in [
                ExportRequest(format: .full, statuses: ItemStatus.allCases),
                ExportRequest(format: .alpaca, statuses: ItemStatus.allCases, filter: filter),
            ] {
                let fromSQLite = try await export(request, from: sqlite, name: "many-sqlite.jsonl")
                _ = try await postgres.export(request, to: .file(path: path("many-postgres.jsonl")), batchSize: batchSize)
                let fromPostgres = try Data(contentsOf: URL(fileURLWithPath: path("many-postgres.jsonl")))
                XCTAssertEqual(fromPostgres.count, fromSQLite.count, "\(request.format)")
                XCTAssertTrue(fromPostgres == fromSQLite, "\(request.format) differs between the backends")
            }
            _ = try await postgres.export(
                ExportRequest(format: .full, statuses: ItemStatus.allCases), to: .file(path: path("ids.jsonl")), batchSize: batchSize)
            XCTAssertEqual(try ids(inFile: path("ids.jsonl")), Array(1...Int64(count)))
            let selection = QueueSelection(
                statuses: [.pending], itemIDs: Array(stride(from: Int64(count), to: 0, by: -2)), filter: filter)
            let targets = try await postgres.batchTargets(selection)
            let expected = try await sqlite.batchTargets(selection)
            XCTAssertEqual(targets, expected)
            XCTAssertGreaterThan(targets.count, 10)
            XCTAssertGreaterThan(targets.last ?? 0, Int64(batchSize * 2), "the targets stop in the first thousands")
        }
        try sqlite.close()
    }

    func testContestedFilterSelectsExactlyTheContestedItems() async throws {
        try await withStore { store in
            _ = try await store.importJSONL(from: .file(path: try write(StoreFixture.jsonl, to: "data.jsonl")))
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
            try await store.decide(.override(candidate: 0), itemID: 3, curator: "ana")
            try await store.decide(.reject(reason: "ambiguous"), itemID: 3, curator: "bo")
            try await store.decide(.accept, itemID: 1, curator: "ana")
            try await store.decide(.accept, itemID: 1, curator: "bo")
            try await store.decide(.override(candidate: 1), itemID: 6, curator: "ana")
            try await store.decide(.override(candidate: 2), itemID: 6, curator: "bo")
            let contested = try await store.contestedItems()
            XCTAssertEqual(contested, [3, 6])
            let all = ItemStatus.allCases
            let filter = try FilterExpression.parse("contested")
            _ = try await store.export(ExportRequest(format: .full, statuses: all, filter: filter), to: .file(path: path("c.jsonl")))
            XCTAssertEqual(try ids(inFile: path("c.jsonl")), contested)
            _ = try await store.export(
                ExportRequest(format: .full, statuses: all, filter: .not(filter)), to: .file(path: path("n.jsonl")))
            XCTAssertEqual(try ids(inFile: path("n.jsonl")), [1, 2, 4, 5, 7])
            let targets = try await store.batchTargets(QueueSelection(statuses: [.pending], filter: filter))
            XCTAssertEqual(targets, contested)
            let exported = try QuorumBinary.run(
                ["export", "--store", url(location), "--status", "all", "--format", "full", "--filter", "contested"], in: folder)
            XCTAssertEqual(exported.status, 0, exported.standardError)
            XCTAssertEqual(try ids(inLines: exported.standardOutput), contested)
            let listed = try QuorumBinary.run(["store", "team", "--contested", "--store", url(location)], in: folder)
            XCTAssertEqual(listed.status, 0, listed.standardError)
            XCTAssertFalse(listed.standardOutput.isEmpty, "store team --contested listed nothing")
        }
    }

    private func ids(inFile path: String) throws -> [Int64] {
        try ids(inLines: String(contentsOfFile: path, encoding: .utf8))
    }

    private func ids(inLines text: String) throws -> [Int64] {
        try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try XCTUnwrap((object?["id"] as? NSNumber)?.int64Value, String(line))
        }
    }
}

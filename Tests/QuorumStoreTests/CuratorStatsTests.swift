import Foundation
import QuorumCore
import XCTest
@testable import QuorumStore

/// Issue 16: `stats` counts each human curator's decisions, skips and rate over the time
/// they were active; `auto` is not a curator.
final class CuratorStatsTests: StoreTestCase {
    func testDecisionsByKindSkipsAndAnActiveRate() async throws {
        let store = try openWriter()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            for index in 1...5 { _ = try transaction.insertItem(Fixtures.item(runID: run.id!, index: index)) }
            try transaction.append(.accept, to: 1, curator: "ana", at: start)
            try transaction.append(.override(candidate: 1), to: 2, curator: "ana", at: start.addingTimeInterval(60))
            try transaction.append(.override(candidate: 0), to: 3, curator: "ana", at: start.addingTimeInterval(120))
            // A long break: it counts as the idle gap, not as work.
            try transaction.append(.reject(reason: "junk"), to: 4, curator: "ana", at: start.addingTimeInterval(5_000))
            try transaction.skip(5, curator: "ana")
            try transaction.append(.accept, to: 5, curator: Store.autoCurator, at: start)
            try transaction.append(.accept, to: 5, curator: "bo", at: start)
        }
        let stats = try await store.stats()
        XCTAssertEqual(stats.curators.map(\.curator), ["ana", "bo"], "auto is not a curator")
        let ana = try XCTUnwrap(stats.curators.first)
        XCTAssertEqual(ana.accepted, 2, "an override to the consensus's own choice is an accept")
        XCTAssertEqual(ana.overridden, 1)
        XCTAssertEqual(ana.rejected, 1)
        XCTAssertEqual(ana.skipped, 1)
        XCTAssertEqual(ana.activeSeconds, 60 + 60 + CuratorStats.idleGap)
        XCTAssertEqual(try XCTUnwrap(ana.ratePerHour), 4 / (420.0 / 3600), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(ana.departureRate), 0.5, accuracy: 1e-12)
        XCTAssertNil(stats.curators[1].ratePerHour, "one decision has no rate")

        let filtered = try await store.stats(filter: try FilterExpression.parse("status = rejected"))
        XCTAssertEqual(filtered.curators.map(\.rejected), [1])
        XCTAssertEqual(filtered.curators.map(\.accepted), [0])
        let report = StatsReport(stats: stats, storePath: "quorum.sqlite").text
        XCTAssertTrue(report.contains("curator"), report)
        XCTAssertTrue(report.contains("ana"), report)
    }
}

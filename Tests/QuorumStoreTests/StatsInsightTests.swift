import Foundation
import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

final class StatsInsightTests: StoreTestCase {
    func testKappaCountsHumanDecisionsOnly() async throws {
        let (store, ids) = try await storeWithItems(7, choice: 1)
        try await store.write { transaction in
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.override(candidate: 2), to: ids[2], curator: "ada")
            try transaction.append(.edit(text: "mine", basedOn: nil), to: ids[3], curator: "ada")
            try transaction.append(.reject(reason: "  "), to: ids[4], curator: "ada")
            try transaction.append(.accept, to: ids[5], curator: Store.autoCurator)
        }
        let stats = try await store.stats()
        XCTAssertEqual(stats.agreement.items, 5, "the auto accept and the pending item do not count")
        XCTAssertEqual(stats.agreement.agreed, 2)
        XCTAssertEqual(stats.agreement.confusion, ["1": ["1": 2], "2": ["1": 1], "edited/rejected": ["1": 2]])
        XCTAssertEqual(stats.agreement.kappa, 0, "pₒ = pₑ = 0.4: no agreement beyond chance")
        XCTAssertEqual(stats.rejectionReasons, [ReasonCount(reason: "(no reason)", count: 1)])
        let winner = try XCTUnwrap(stats.members.first { $0.member == "flan-t5-xxl" })
        XCTAssertEqual(winner.humanDecidedWins, 5)
        XCTAssertEqual(winner.overriddenWins, 3)
        XCTAssertEqual(winner.overrideRate, 0.6)
        XCTAssertEqual(winner.discardedSets, 0)
    }

    func testKappaMatchesCohenKappaOnTheSameLabels() async throws {
        let store = try openWriter()
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            let choices = [0, 1, 1, 2, 0, 1]
            let ids = try choices.enumerated().map { index, choice in
                try transaction.insertItem(Fixtures.item(runID: run.id!, index: index, choice: choice)).id!
            }
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.override(candidate: 0), to: ids[2], curator: "ada")
            try transaction.append(.accept, to: ids[3], curator: "ada")
            try transaction.append(.reject(reason: "wrong language"), to: ids[4], curator: "bob")
            try transaction.append(.reject(reason: "wrong language"), to: ids[5], curator: "bob")
        }
        let stats = try await store.stats()
        let expected = CohenKappa.kappa([
            ("0", "0"), ("1", "1"), ("0", "1"), ("2", "2"), ("edited/rejected", "0"), ("edited/rejected", "1"),
        ])
        XCTAssertEqual(stats.agreement.kappa, expected)
        XCTAssertEqual(stats.rejectionReasons, [ReasonCount(reason: "wrong language", count: 2)])
    }

    func testDistributionsAndDiscards() async throws {
        let (store, _) = try await storeWithItems(4, choice: 1)
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            _ = try transaction.insertItem(Fixtures.item(runID: run.id!, index: 9, choice: nil))
        }
        let stats = try await store.stats()
        let distributions = stats.distributions
        XCTAssertEqual(distributions.pairwiseRougeL.counts, [0, 0, 0, 0, 0, 15, 0, 0, 0, 0], "3 pairs of 0.5 in 5 sets")
        XCTAssertEqual(distributions.margin.total, 4, "only sets with a choice")
        XCTAssertEqual(distributions.margin.counts[0], 4)
        // "output 0 of item 9" is 5 words.
        XCTAssertEqual(distributions.outputWords.edges, Store.wordEdges)
        XCTAssertEqual(distributions.outputWords.counts, [0, 0, 15, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(stats.discardReasons.map(\.count), [1])
        XCTAssertEqual(stats.members.map(\.discardedSets), [1, 1, 1])
        XCTAssertEqual(stats.members.first?.discardShare, 0.2)
        let json = String(decoding: try JSONEncoder().encode(stats), as: UTF8.self)
        XCTAssertTrue(json.contains(#""kappa""#) || json.contains(#""agreement""#), json)
        XCTAssertTrue(json.contains("null"), "the open last edge of output words is null")
    }

    func testReviewQueueByMarginPutsFragileDecisionsFirst() async throws {
        let store = try openWriter()
        let margins: [Double?] = [0.5, 0.1, nil, 0.1, 0.9, 0.0]
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try margins.enumerated().map { index, margin in
                var item = Fixtures.item(runID: run.id!, index: index, choice: margin == nil ? nil : 1)
                if let margin { item.candidateSet.consensus?.margin = margin }
                return try transaction.insertItem(item).id!
            }
        }
        _ = try await store.write { try $0.append(.accept, to: ids[4], curator: "ada") }
        let first = try await store.reviewQueue(orderedBy: .fragility, limit: 2)
        XCTAssertEqual(first.items.map(\.item.id), [ids[5], ids[1]])
        let second = try await store.reviewQueue(orderedBy: .fragility, after: try XCTUnwrap(first.next), limit: 2)
        XCTAssertEqual(second.items.map(\.item.id), [ids[3], ids[0]])
        XCTAssertEqual(second.items[0].candidates.count, 3)
        let third = try await store.reviewQueue(orderedBy: .fragility, after: try XCTUnwrap(second.next), limit: 2)
        let discarded = try await store.item(ids[2])
        XCTAssertEqual(third.items.map(\.item.id), discarded.item.status == .pending ? [ids[2]] : [])
        XCTAssertNil(third.next)
        let byID = try await store.reviewQueue(orderedBy: .id, limit: 10)
        let plain = try await store.reviewQueue(limit: 10)
        XCTAssertEqual(byID.items.map(\.item.id), plain.map(\.item.id))
    }
}

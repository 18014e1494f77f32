import Foundation
import GRDB
import XCTest
@testable import QuorumStore

final class StatsTests: StoreTestCase {
    func testCountsWinRatesAndAgreement() async throws {
        let (store, ids) = try await storeWithItems(6, choice: 1)
        try await store.write { transaction in
            try transaction.append(.accept, to: ids[0], curator: "ada")
            try transaction.append(.accept, to: ids[1], curator: "ada")
            try transaction.append(.override(candidate: 2), to: ids[2], curator: "ada")
            try transaction.append(.edit(text: "mine", basedOn: nil), to: ids[3], curator: "ada")
            try transaction.append(.reject(reason: "no"), to: ids[4], curator: "ada")
        }
        let stats = try await store.stats()
        XCTAssertEqual(stats.items, 6)
        XCTAssertEqual(stats.decisions, 5)
        XCTAssertEqual(stats.count(type: .a), 3, "even-numbered fixtures have an input")
        XCTAssertEqual(stats.count(status: .accepted), 2)
        XCTAssertEqual(stats.count(type: .b, status: .overridden), 0)
        XCTAssertEqual(stats.count(type: .a, status: .overridden), 1)
        XCTAssertEqual(stats.count(status: .pending), 1)
        XCTAssertEqual(stats.curatorAgreement, 2.0 / 4.0)
        let byMember = Dictionary(uniqueKeysWithValues: stats.members.map { ($0.member, $0) })
        XCTAssertEqual(byMember["flan-t5-xxl"]?.consensusWins, 6, "the consensus chose candidate 1 everywhere")
        XCTAssertEqual(byMember["flan-t5-xxl"]?.consensusWinRate, 1)
        XCTAssertEqual(byMember["falcon-40b"]?.consensusWinRate, 0)
        XCTAssertEqual(byMember["flan-t5-xxl"]?.curatedItems, 4)
        XCTAssertEqual(byMember["flan-t5-xxl"]?.curatorPicks, 2)
        XCTAssertEqual(byMember["flan-ul2"]?.curatorPicks, 1)
        XCTAssertEqual(byMember["flan-ul2"]?.curatorPickRate, 0.25)
    }

    func testEmptyStoreHasNoRates() async throws {
        let store = try openWriter()
        let stats = try await store.stats()
        XCTAssertEqual(stats.items, 0)
        XCTAssertNil(stats.curatorAgreement)
        XCTAssertEqual(stats.members, [])
    }
}

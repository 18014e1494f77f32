import XCTest
@testable import QuorumStore

/// What the workbench reads besides items: an item's every candidate set, and the reasons
/// curators gave before.
final class CurationReadsTests: StoreTestCase {
    func testEveryCandidateSetOfAnItemComesBackOldestFirst() async throws {
        let (store, ids) = try await storeWithItems(2, choice: 1)
        let item = ids[0]
        let newSet = NewCandidateSet(
            candidates: [NewCandidate(member: "a", text: "fresh 0"), NewCandidate(member: "b", text: "fresh 1")],
            consensus: Fixtures.consensus(choice: 0, count: 2))
        _ = try await store.write { try $0.append(.rerun(newSet), to: item, curator: "ada") }
        let sets = try await store.candidateSets(of: item)
        XCTAssertEqual(sets.map(\.candidateSet.ordinal), [0, 1])
        XCTAssertEqual(sets[1].candidates.map(\.text), ["fresh 0", "fresh 1"])
        XCTAssertEqual(sets[0].candidates.map(\.text), ["output 0 of item 0", "output 1 of item 0", "output 2 of item 0"])
        XCTAssertEqual(sets[0].candidateSet.consensus?.choice, 1)
        XCTAssertEqual(sets[1].candidateSet.consensus?.choice, 0)
        let other = try await store.candidateSets(of: ids[1])
        XCTAssertEqual(other.count, 1)
    }

    func testRejectReasonsComeMostUsedFirstWithoutInstanceReruns() async throws {
        let (store, ids) = try await storeWithItems(4, choice: 1)
        try await store.write { transaction in
            try transaction.append(.reject(reason: "off topic"), to: ids[0], curator: "ada")
            try transaction.append(.reject(reason: "needs an image 🖼"), to: ids[1], curator: "ada")
            try transaction.append(.reject(reason: "needs an image 🖼"), to: ids[2], curator: "bob")
            try transaction.append(.reject(reason: InstanceRerunLink.replacedReason(by: 99)), to: ids[3], curator: "ada")
        }
        let reasons = try await store.rejectReasons(limit: 10)
        XCTAssertEqual(reasons, ["needs an image 🖼", "off topic"])
        let first = try await store.rejectReasons(limit: 1)
        XCTAssertEqual(first, ["needs an image 🖼"])
    }
}

import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// A decision retried under the id its client made is stored once.
final class ClientDecisionIDTests: PostgresTestCase {
    private func fillStore() async throws {
        let file = try write(StoreFixture.jsonl, to: "data.jsonl")
        _ = try await withStore { try await $0.importJSONL(from: .file(path: file)) }
    }

    func testARetriedDecisionIsStoredOnce() async throws {
        try await fillStore()
        try await withStore { store in
            let id = UUID()
            let first = try await store.decide(.accept, itemID: 1, curator: "ana", clientID: id)
            let retry = try await store.decide(.accept, itemID: 1, curator: "ana", clientID: id)
            XCTAssertEqual(retry, first)
            let count = try await store.readRows().decisionCount
            XCTAssertEqual(count, 1)
            let stored = try await store.decision(clientID: id)
            XCTAssertEqual(stored?.id, first.id)
        }
    }

    func testConcurrentRetriesFromTwoConnectionsStoreOneDecision() async throws {
        try await fillStore()
        let location = location!
        let environment = environment
        let id = UUID()
        let decisions = try await withThrowingTaskGroup(of: Decision.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let store = try await PostgresStore.open(location, environment: environment)
                    do {
                        let decision = try await store.decide(.reject(reason: "dup"), itemID: 2, curator: "ana", clientID: id)
                        await store.close()
                        return decision
                    } catch {
                        await store.close()
                        throw error
                    }
                }
            }
            var all: [Decision] = []
            for try await decision in group { all.append(decision) }
            return all
        }
        XCTAssertEqual(Set(decisions.map(\.id)).count, 1)
        let count = try await withStore { try await $0.readRows().decisionCount }
        XCTAssertEqual(count, 1)
    }

    func testARefusedDecisionWritesNothing() async throws {
        try await fillStore()
        try await withStore { store in
            do {
                try await store.decide(.override(candidate: 9), itemID: 1, curator: "ana")
                XCTFail("an override of a missing candidate was stored")
            } catch let error as StoreError {
                XCTAssertTrue(error.description.contains("no usable candidate 9"), error.description)
            }
            do {
                try await store.decide(.accept, itemID: 999, curator: "ana")
                XCTFail("a decision on a missing item was stored")
            } catch let error as StoreError {
                XCTAssertEqual(error, .unknownItem(999))
            }
            let count = try await store.readRows().decisionCount
            XCTAssertEqual(count, 0)
        }
    }
}

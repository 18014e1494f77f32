import Foundation
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// Leases: concurrent claimers never share an item, leases expire, renew and release.
final class LeaseTests: PostgresTestCase {
    /// 200 pending items.
    private func fillStore() async throws {
        let lines = (1...200).map { #"{"instruction": "Task \#($0).", "input": "", "output": "Answer \#($0)."}"# }
        let file = try write(lines.joined(separator: "\n"), to: "many.jsonl")
        _ = try await withStore { try await $0.importJSONL(from: .file(path: file)) }
    }

    func testConcurrentClaimersNeverGetTheSameItem() async throws {
        try await fillStore()
        let location = location!
        let environment = environment
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for curator in ["ana", "bo", "cy", "dee"] {
                group.addTask {
                    let store = try await PostgresStore.open(location, environment: environment)
                    var mine: [Int64] = []
                    while true {
                        let claimed = try await store.claim(7, for: curator, duration: .seconds(600))
                        if claimed.isEmpty { break }
                        mine += claimed
                    }
                    await store.close()
                    return mine
                }
            }
            var all: [[Int64]] = []
            for try await claimed in group { all.append(claimed) }
            return all
        }
        let every = claims.flatMap { $0 }
        XCTAssertEqual(every.count, 200, "every item handed out once")
        XCTAssertEqual(Set(every).count, every.count, "an item was handed to two curators")
        XCTAssertEqual(Set(every), Set(1...200))
        XCTAssertGreaterThan(claims.filter { !$0.isEmpty }.count, 1, "only one claimer got items")
    }

    func testAnExpiredLeaseReturnsToThePool() async throws {
        try await fillStore()
        try await withStore { ana in
            try await withStore { bo in
                let claimed = try await ana.claim(200, for: "ana", duration: .milliseconds(300))
                XCTAssertEqual(claimed.count, 200)
                let none = try await bo.claim(10, for: "bo", duration: .seconds(60))
                XCTAssertEqual(none, [], "a live lease was handed to another curator")
                let deadline = Date().addingTimeInterval(10)
                // Each lease's expiry is its own row's clock reading, so they lapse microseconds apart.
                var taken: [Int64] = []
                while taken.count < 10 && Date() < deadline {
                    taken += try await bo.claim(10 - taken.count, for: "bo", duration: .seconds(60))
                }
                XCTAssertEqual(taken.count, 10, "the expired leases did not return to the pool")
                let renewed = try await ana.renew(taken, for: "ana", duration: .seconds(60))
                XCTAssertEqual(renewed, [], "an expired lease someone else took was renewed")
            }
        }
    }

    func testRenewAndRelease() async throws {
        try await fillStore()
        try await withStore { ana in
            try await withStore { bo in
                let claimed = try await ana.claim(5, for: "ana", duration: .seconds(60))
                let renewed = try await ana.renew(claimed, for: "ana", duration: .seconds(120))
                XCTAssertEqual(renewed, claimed)
                let held = try await ana.leasedItems(of: "ana")
                XCTAssertEqual(held, claimed)
                let released = try await ana.release(Array(claimed.prefix(2)), for: "ana")
                XCTAssertEqual(released, 2)
                let next = try await bo.claim(2, for: "bo", duration: .seconds(60))
                XCTAssertEqual(next, Array(claimed.prefix(2)), "released items go to the next claimer first")
                let rest = try await ana.release(for: "ana")
                XCTAssertEqual(rest, 3)
                let none = try await ana.leasedItems(of: "ana")
                XCTAssertEqual(none, [])
            }
        }
    }

    func testDecidedItemsAreNotClaimed() async throws {
        try await fillStore()
        try await withStore { store in
            try await store.decide(.accept, itemID: 1, curator: "ana")
            let claimed = try await store.claim(200, for: "bo", duration: .seconds(60))
            XCTAssertEqual(claimed.count, 199)
            XCTAssertFalse(claimed.contains(1))
        }
    }
}

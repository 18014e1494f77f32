import Foundation
import QuorumCore
import QuorumStore
import XCTest
@testable import QuorumStorePostgres

/// `[team] reviews_per_item`: an item counts once enough curators reviewed it, the rule
/// decides its output, contested items wait, and leases never go beyond the reviews needed.
final class TeamReviewTests: PostgresTestCase {
    private func importFixture(_ store: PostgresStore) async throws {
        _ = try await store.importJSONL(from: .file(path: try write(StoreFixture.jsonl, to: "data.jsonl")))
    }

    private func item(_ id: Int64, _ store: PostgresStore) async throws -> (status: String, output: String?, reviews: Int, contested: Bool) {
        try await store.query("SELECT status, output, reviews, contested FROM items WHERE id = \(id)")
            .decode((String, String?, Int, Bool).self).first { _ in true }!
    }

    private func curated(_ store: PostgresStore, name: String) async throws -> String {
        _ = try await store.export(ExportRequest(format: .alpaca), to: .file(path: path(name)))
        return try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func testTwoReviewersWhoAgreeMakeTheItemCurated() async throws {
        try await withStore { store in
            try await importFixture(store)
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
            try await store.decide(.override(candidate: 1), itemID: 3, curator: "ana")
            var state = try await item(3, store)
            XCTAssertEqual(state.status, "pending", "one review of two counted as curated")
            XCTAssertEqual(state.reviews, 1)
            let afterOne = try await curated(store, name: "one.jsonl")
            XCTAssertFalse(afterOne.contains("le chat"), "an item with one review of two was exported")
            try await store.decide(.override(candidate: 1), itemID: 3, curator: "bo")
            state = try await item(3, store)
            XCTAssertEqual(state.status, "overridden")
            XCTAssertEqual(state.output, "le chat")
            XCTAssertEqual(state.reviews, 2)
            XCTAssertFalse(state.contested)
            let afterTwo = try await curated(store, name: "two.jsonl")
            XCTAssertTrue(afterTwo.contains(#""output":"le chat""#), afterTwo)
            let stats = try await store.stats()
            XCTAssertEqual(stats.count(status: .overridden), 1)
        }
    }

    func testDisagreementUnderUnanimousIsContestedAndHandedToNobody() async throws {
        try await withStore { store in
            try await importFixture(store)
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
            try await store.decide(.override(candidate: 0), itemID: 3, curator: "ana")
            let second = try await store.decide(.reject(reason: "ambiguous"), itemID: 3, curator: "bo")
            var state = try await item(3, store)
            XCTAssertEqual(state.status, "pending")
            XCTAssertTrue(state.contested)
            let contested = try await store.contestedItems()
            XCTAssertEqual(contested, [3])
            let progress = try await store.reviewProgress()
            XCTAssertEqual(progress.contested, [3])
            XCTAssertTrue(progress.reportLine.contains("1 contested: items 3"), progress.reportLine)
            let claimed = try await store.claim(100, for: "cy", duration: .seconds(60))
            XCTAssertFalse(claimed.contains(3), "a contested item was handed to a third curator")
            let exported = try await curated(store, name: "contested.jsonl")
            XCTAssertFalse(exported.contains("Translate"), "a contested item was exported")
            try await store.decide(.undo(decisionID: second.id!), itemID: 3, curator: "bo")
            state = try await item(3, store)
            XCTAssertFalse(state.contested, "the undo left the item contested")
            XCTAssertEqual(state.reviews, 1)
            let reclaimed = try await store.claim(100, for: "cy", duration: .seconds(60))
            XCTAssertTrue(reclaimed.contains(3), "the item did not go back to the pool after the undo")
        }
    }

    func testACopyKeepsTheContestedMarkUntilItsOneCuratorDecides() async throws {
        try await withStore { store in
            try await importFixture(store)
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
            try await store.decide(.override(candidate: 0), itemID: 3, curator: "ana")
            try await store.decide(.reject(reason: "ambiguous"), itemID: 3, curator: "bo")
        }
        let copy = path("copy.sqlite")
        _ = try await StoreCopy.copy(from: .postgres(location), to: .sqlite(path: copy), environment: environment)
        let sqlite = try Store.open(at: copy, access: .write(command: "test"))
        defer { try? sqlite.close() }
        let contested = try FilterExpression.parse("contested")
        let marked = try await sqlite.batchTargets(QueueSelection(statuses: [.pending], filter: contested), matching: nil)
        XCTAssertEqual(marked, [3], "the copy lost the team's contested mark")
        _ = try await sqlite.record(.accept, on: 3, curator: "cy")
        _ = try await sqlite.record(.undo(decisionID: try await sqlite.latestUndoableDecision(of: 3)!), on: 3, curator: "cy")
        let after = try await sqlite.batchTargets(QueueSelection(statuses: [.pending], filter: contested), matching: nil)
        XCTAssertEqual(after, [], "one curator's decision left the item contested")

        let back = try await makeDatabase()
        let again = path("again.sqlite")
        _ = try await StoreCopy.copy(from: .postgres(location), to: .sqlite(path: again), environment: environment)
        _ = try await StoreCopy.copy(from: .sqlite(path: again), to: .postgres(back), environment: environment)
        let roundTrip = try await withStore(back) { try await $0.contestedItems() }
        XCTAssertEqual(roundTrip, [3], "a copy back to PostgreSQL lost the mark")
    }

    func testMajorityOfThree() async throws {
        try await withStore { store in
            try await importFixture(store)
            try await store.adopt(TeamPolicy(reviewsPerItem: 3, resolution: .majority))
            try await store.decide(.override(candidate: 2), itemID: 3, curator: "ana")
            try await store.decide(.override(candidate: 1), itemID: 3, curator: "bo")
            var state = try await item(3, store)
            XCTAssertEqual(state.status, "pending", "two reviews of three decided the item")
            try await store.decide(.override(candidate: 2), itemID: 3, curator: "cy")
            state = try await item(3, store)
            XCTAssertEqual(state.status, "overridden")
            XCTAssertEqual(state.output, "un chat noir", "the majority's candidate is not the output")
            // Three different outcomes: no majority.
            try await store.decide(.override(candidate: 0), itemID: 7, curator: "ana")
            try await store.decide(.override(candidate: 1), itemID: 7, curator: "bo")
            try await store.decide(.reject(reason: "wrong"), itemID: 7, curator: "cy")
            state = try await item(7, store)
            XCTAssertEqual(state.status, "pending")
            XCTAssertTrue(state.contested)
        }
    }

    func testTheLeadDecidesAndResolvesWhatOthersContest() async throws {
        try await withStore { store in
            try await importFixture(store)
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .lead("ana")))
            try await store.decide(.override(candidate: 0), itemID: 3, curator: "bo")
            try await store.decide(.override(candidate: 2), itemID: 3, curator: "cy")
            var state = try await item(3, store)
            XCTAssertTrue(state.contested, "two reviewers who differ, no lead: not contested")
            let others = try await store.claim(100, for: "dee", duration: .seconds(60))
            XCTAssertFalse(others.contains(3), "a contested item went to someone other than the lead")
            let lead = try await store.claim(100, for: "ana", duration: .seconds(60))
            XCTAssertTrue(lead.contains(3), "the lead was not handed the contested item")
            try await store.decide(.override(candidate: 1), itemID: 3, curator: "ana")
            state = try await item(3, store)
            XCTAssertEqual(state.status, "overridden")
            XCTAssertEqual(state.output, "le chat", "the lead's outcome did not decide")
            // The lead among the reviewers wins over the other.
            try await store.decide(.reject(reason: "no"), itemID: 4, curator: "ana")
            try await store.decide(.override(candidate: 0), itemID: 4, curator: "bo")
            state = try await item(4, store)
            XCTAssertEqual(state.status, "rejected")
            XCTAssertFalse(state.contested)
        }
    }

    func testAdoptingAPolicyDerivesEveryItemAgainAndOneReviewExportsTheSameBytes() async throws {
        try await withStore { store in
            try await importFixture(store)
            for (item, curator) in [(1, "ana"), (3, "ana"), (4, "bo"), (7, "bo")] as [(Int64, String)] {
                try await store.decide(.override(candidate: 1), itemID: item, curator: curator)
            }
            let before = try await curated(store, name: "before.jsonl")
            XCTAssertFalse(before.isEmpty)
            let changed = try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .majority))
            XCTAssertEqual(changed, 4)
            let underTwo = try await curated(store, name: "two.jsonl")
            XCTAssertEqual(underTwo, "", "items with one review of two were exported")
            try await store.adopt(.single)
            let after = try await curated(store, name: "after.jsonl")
            XCTAssertEqual(after, before, "one review per item no longer exports the same bytes")
            let policy = try await store.teamPolicy()
            XCTAssertEqual(policy, .single)
        }
    }

    /// Four curators claim and decide concurrently with two reviews per item: no item is ever
    /// leased to more than two curators or to one who reviewed it, and every item ends with
    /// exactly two reviewers.
    func testLeasesNeverGoBeyondTheReviewsNeeded() async throws {
        let lines = (1...120).map { #"{"instruction": "Task \#($0).", "input": "", "output": "Answer \#($0)."}"# }
        let file = try write(lines.joined(separator: "\n"), to: "many.jsonl")
        try await withStore { store in
            _ = try await store.importJSONL(from: .file(path: file))
            try await store.adopt(TeamPolicy(reviewsPerItem: 2, resolution: .unanimous))
        }
        let location = location!
        let environment = environment
        let handed = try await withThrowingTaskGroup(of: (String, [Int64], Int).self) { group in
            for curator in ["ana", "bo", "cy", "dee"] {
                group.addTask {
                    let store = try await PostgresStore.open(location, environment: environment)
                    var handed: [Int64] = []
                    var reviewedTwice = 0
                    var reviewed = Set<Int64>()
                    while true {
                        let claimed = try await store.claim(5, for: curator, duration: .seconds(600))
                        if claimed.isEmpty { break }
                        handed += claimed
                        for itemID in claimed {
                            if !reviewed.insert(itemID).inserted { reviewedTwice += 1 }
                            try await store.decide(.accept, itemID: itemID, curator: curator, clientID: UUID())
                        }
                        try await store.release(claimed, for: curator)
                    }
                    await store.close()
                    return (curator, handed, reviewedTwice)
                }
            }
            var all: [(String, [Int64], Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        var holders: [Int64: Set<String>] = [:]
        for (curator, items, reviewedTwice) in handed {
            XCTAssertEqual(reviewedTwice, 0, "\(curator) was handed an item it had reviewed")
            for item in items { holders[item, default: []].insert(curator) }
        }
        XCTAssertEqual(holders.count, 120, "some item was never handed out")
        XCTAssertEqual(holders.values.filter { $0.count != 2 }.count, 0, "an item went to other than two curators")
        try await withStore { store in
            let counts = try await store.query("SELECT reviews, status, COUNT(*) FROM items GROUP BY reviews, status")
                .decode((Int, String, Int).self).collect()
            XCTAssertEqual(counts.count, 1, "\(counts)")
            XCTAssertEqual(counts.first?.0, 2)
            XCTAssertEqual(counts.first?.1, "accepted")
        }
    }
}

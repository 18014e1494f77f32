import XCTest
@testable import QuorumStore

/// The queue's rows as the workbench lists them: the search matched in SQL, a window at a time.
final class QueueListingTests: StoreTestCase {
    /// Texts that a search must tell apart: case, a LIKE wildcard taken literally, non-ASCII
    /// letters in either case, and a word only in an input or a candidate.
    private static let texts: [(instruction: String, input: String, output: String)] = [
        ("Describe a RIVER delta.", "", "plain"),
        ("Plain words.", "the river bank", "plain"),
        ("Plain words.", "", "a River runs"),
        ("Nothing here.", "", "nothing"),
        ("Give 100% effort.", "", "plain"),
        ("Give 100 effort.", "", "plain"),
        ("snake_case names", "", "plain"),
        ("snakeXcase names", "", "plain"),
        ("Un ÉTÉ chaud.", "", "plain"),
        ("un été chaud", "", "plain"),
        ("Straße", "", "plain"),
    ]

    private func store() async throws -> (Store, [Int64]) {
        let store = try openWriter()
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try Self.texts.enumerated().map { index, text in
                var item = Fixtures.item(runID: run.id!, index: index)
                item.instruction = text.instruction
                item.input = text.input
                item.candidateSet.candidates[2].text = text.output
                item.candidateSet.consensus?.margin = Double(index % 4) / 10
                return try transaction.insertItem(item).id!
            }
        }
        return (store, ids)
    }

    /// Every item `needle` matches in `order`, read `window` rows at a time.
    private func search(_ store: Store, _ needle: String, order: ReviewOrder = .id, window: Int) async throws -> [Int64] {
        let selection = QueueSelection(statuses: ItemStatus.allCases, order: order)
        var found: [Int64] = []
        var cursor = ReviewCursor.start
        while true {
            let page = try await store.queueListing(
                selection, matching: TextSearch(needle), after: cursor, scanning: window, limit: 2)
            found += page.rows.map(\.itemID)
            XCTAssertGreaterThanOrEqual(page.scannedThrough, cursor, "the scan moves forward")
            if page.isLast { return found }
            cursor = page.scannedThrough
        }
    }

    func testASearchMatchesTheInstructionTheInputOrACandidateIgnoringCase() async throws {
        let (store, ids) = try await store()
        for window in [1, 3, 100] {
            let found = try await search(store, "river", window: window)
            XCTAssertEqual(found, Array(ids[0...2]), "window \(window)")
        }
        let byMargin = try await search(store, "RIVER", order: .fragility, window: 2)
        XCTAssertEqual(Set(byMargin), Set(ids[0...2]))
    }

    func testLikeWildcardsInTheNeedleAreLiteral() async throws {
        let (store, ids) = try await store()
        let percent = try await search(store, "100%", window: 4)
        XCTAssertEqual(percent, [ids[4]])
        let underscore = try await search(store, "e_c", window: 4)
        XCTAssertEqual(underscore, [ids[6]])
    }

    func testANonASCIINeedleFoldsUnicodeCase() async throws {
        let (store, ids) = try await store()
        let found = try await search(store, "été", window: 5)
        XCTAssertEqual(found, [ids[8], ids[9]])
        let upper = try await search(store, "ÉTÉ CHAUD", window: 5)
        XCTAssertEqual(upper, [ids[8], ids[9]])
    }

    func testTheStoreAndMemoryAgreeOnEveryNeedle() async throws {
        let (store, ids) = try await store()
        let details = try await store.items(withStatus: ItemStatus.allCases, limit: 100)
        for needle in ["river", "RiVeR", "plain", "100%", "_", "e_c", "été", "ÉTÉ", "straße", "STRASSE", "x", "chaud."] {
            let search = try XCTUnwrap(TextSearch(needle))
            let inMemory = details.filter(search.matches).map { $0.item.id! }
            let inStore = try await self.search(store, needle, window: 4)
            XCTAssertEqual(inStore, inMemory, needle)
        }
        XCTAssertEqual(details.count, ids.count)
    }

    func testWithoutASearchAPageIsTheNextRowsAndEndsTheQueue() async throws {
        let (store, ids) = try await store()
        let selection = QueueSelection(statuses: ItemStatus.awaitingReview)
        let first = try await store.queueListing(selection, after: .start, scanning: 6, limit: 6)
        XCTAssertEqual(first.rows.map(\.itemID), Array(ids[0..<6]))
        XCTAssertEqual(first.scannedThrough, .id(ids[5]))
        XCTAssertFalse(first.isLast)
        let rest = try await store.queueListing(selection, after: first.scannedThrough, scanning: 6, limit: 6)
        XCTAssertEqual(rest.rows.map(\.itemID), Array(ids[6...]))
        XCTAssertTrue(rest.isLast)
        XCTAssertEqual(rest.rows[2].instructionHead, "Un ÉTÉ chaud.")
        XCTAssertEqual(rest.rows[2].status, .pending)
        XCTAssertEqual(rest.rows[2].margin, 0)
    }

    func testARowCarriesOnlyTheInstructionsHead() async throws {
        let store = try openWriter()
        let long = String(repeating: "é", count: QueueListing.headLength + 50)
        try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            var item = Fixtures.item(runID: run.id!, index: 0)
            item.instruction = long
            _ = try transaction.insertItem(item)
        }
        let page = try await store.queueListing(QueueSelection(statuses: ItemStatus.allCases), after: .start, scanning: 1, limit: 1)
        XCTAssertEqual(page.rows.first?.instructionHead, String(long.prefix(QueueListing.headLength)))
    }
}

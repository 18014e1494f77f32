import Foundation
import GRDB
import XCTest
@testable import QuorumStore

final class StoreOpeningTests: StoreTestCase {
    func testNewStoreIsMarkedVersionedAndInWALMode() async throws {
        let store = try openWriter()
        _ = try await store.write { try $0.beginRun(source: "test", configJSON: "{}") }
        try store.close()
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: path("quorum.sqlite-wal")), "closing the writer folds the WAL back in")
        XCTAssertEqual(try sqlitePragma(path("quorum.sqlite"), "application_id"), Int(StoreSchema.applicationID))
        XCTAssertEqual(try sqlitePragma(path("quorum.sqlite"), "user_version"), StoreSchema.currentVersion)
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path("quorum.sqlite"), configuration: configuration)
        let journalMode = try await queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journalMode, "wal")
    }

    func testReopeningKeepsData() async throws {
        let (store, ids) = try await storeWithItems(2)
        try store.close()
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        let page = try await reader.reviewQueue()
        XCTAssertEqual(page.map(\.item.id), ids)
        XCTAssertEqual(page.first?.candidates.count, 3)
    }

    func testTextFileIsRefusedAndUntouched() throws {
        let target = try write("instruction,input,output\nhello,,world\n", to: "notes.csv")
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        XCTAssertThrowsStoreError(try Store.open(at: target, access: .write(command: "t")), .notADatabase(path: target))
        XCTAssertThrowsStoreError(try Store.open(at: target, access: .read), .notADatabase(path: target))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["notes.csv"])
    }

    func testOtherApplicationsDatabaseIsRefusedAndUntouched() throws {
        let target = path("other.sqlite")
        let queue = try DatabaseQueue(path: target)
        try queue.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        XCTAssertThrowsError(try Store.open(at: target, access: .write(command: "t"))) { error in
            guard case StoreError.notAQuorumStore(_, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("contacts"), detail)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before, "journal mode or header changed")
    }

    func testNewerSchemaIsRefusedAndUntouched() throws {
        try openWriter().close()
        let target = path("quorum.sqlite")
        let queue = try DatabaseQueue(path: target)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let expected = StoreError.newerSchema(path: target, found: 99, known: StoreSchema.currentVersion)
        XCTAssertThrowsStoreError(try Store.open(at: target, access: .write(command: "t")), expected)
        XCTAssertThrowsStoreError(try Store.open(at: target, access: .read), expected)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before)
        XCTAssertTrue(expected.description.contains("newer than this quorum knows"))
    }

    func testReaderNeedsAnExistingStore() throws {
        XCTAssertThrowsStoreError(try Store.open(at: path("absent.sqlite"), access: .read), .noStore(path: path("absent.sqlite")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("absent.sqlite")))
    }

    func testEmptyFileBecomesAStoreForAWriterOnly() throws {
        let target = try write("", to: "empty.sqlite")
        XCTAssertThrowsError(try Store.open(at: target, access: .read))
        try Store.open(at: target, access: .write(command: "t")).close()
        XCTAssertEqual(try sqlitePragma(target, "application_id"), Int(StoreSchema.applicationID))
    }

    func testFolderIsRefused() throws {
        XCTAssertThrowsError(try Store.open(at: folder.path, access: .write(command: "t"))) { error in
            guard case StoreError.notAQuorumStore = error else { return XCTFail("\(error)") }
        }
    }

    func testReaderCannotWrite() async throws {
        try openWriter().close()
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        await assertThrowsAsync({ try await reader.write { try $0.beginRun(source: "x", configJSON: "{}") } }) { error in
            guard case StoreError.refused = error else { return XCTFail("\(error)") }
        }
    }
}

import Foundation
import XCTest
@testable import QuorumStore

final class WriterLockTests: StoreTestCase {
    func testSecondWriterIsRefusedWithTheHoldersName() throws {
        let first = try openWriter()
        XCTAssertThrowsError(try Store.open(at: path("quorum.sqlite"), access: .write(command: "quorum import x"))) { error in
            guard case StoreError.locked(_, let holder?) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(holder.pid, getpid())
            XCTAssertEqual(holder.command, "quorum test")
            XCTAssertTrue("\(error)".contains("pid \(getpid()) (quorum test)"), "\(error)")
        }
        try first.close()
        try openWriter().close()
    }

    func testReaderWorksAlongsideTheWriter() async throws {
        let (writer, ids) = try await storeWithItems(3)
        let reader = try Store.open(at: path("quorum.sqlite"), access: .read)
        _ = try await writer.write { try $0.append(.accept, to: ids[0], curator: "ada") }
        let item = try await reader.item(ids[0])
        XCTAssertEqual(item.item.status, .accepted)
        let queue = try await reader.reviewQueue()
        XCTAssertEqual(queue.count, 2)
        try writer.close()
    }

    func testHolderFileRoundTrips() {
        let holder = WriterLockHolder(pid: 42, command: "quorum review --store a=b", since: "2025-01-01T00:00:00Z")
        XCTAssertEqual(WriterLockHolder(fileContents: holder.fileContents), holder)
        XCTAssertNil(WriterLockHolder(fileContents: "garbage"))
    }
}

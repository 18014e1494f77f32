import Foundation
import QuorumStore
import XCTest
import QuorumTestSupport

/// The seed pool's problems exit as the README says: 66 for an unreadable file.
final class GenerateSeedFileTests: GenerateBinaryTestCase {
    func testAMissingSeedFileExits66NamingIt() throws {
        try configure(generator: "ok", outputs: "ok")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("seeds/seed_tasks.jsonl"))
        let result = try run(["generate", "--count", "1"])
        XCTAssertEqual(result.status, 66, result.errors)
        XCTAssertTrue(result.errors.contains("seed_tasks.jsonl: No such file or directory"), result.errors)
    }
}

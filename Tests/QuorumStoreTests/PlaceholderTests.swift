import XCTest
@testable import QuorumStore

final class StorePlaceholderTests: XCTestCase {
    func testNothing() { XCTAssertTrue(true) }
}
